// A small 16-bit CPU core for a heavier synthesis than counter.v: 8 registers, a 16-entry ALU,
// load/store through a memory port, branches, and a 3-stage fetch/decode/execute sequencer.
module cpu(
  input clk, input rst,
  output reg [15:0] addr, output reg [15:0] wdata, output reg we,
  input [15:0] rdata,
  output [15:0] debug
);
  reg [15:0] pc, ir;
  reg [15:0] regs [0:7];
  reg [1:0] stage;
  reg zero, carry;
  wire [3:0] op = ir[15:12];
  wire [2:0] rd = ir[11:9], ra = ir[8:6], rb = ir[5:3];
  wire [15:0] a = regs[ra], b = regs[rb];
  wire [15:0] imm = {{10{ir[5]}}, ir[5:0]};
  reg [16:0] result;
  integer i;

  always @* begin
    case (op)
      4'h0: result = a + b;
      4'h1: result = a - b;
      4'h2: result = {1'b0, a & b};
      4'h3: result = {1'b0, a | b};
      4'h4: result = {1'b0, a ^ b};
      4'h5: result = {1'b0, a << b[3:0]};
      4'h6: result = {1'b0, a >> b[3:0]};
      4'h7: result = {1'b0, $signed(a) >>> b[3:0]};
      4'h8: result = a + imm;
      4'h9: result = {1'b0, a * b};
      4'hA: result = {16'b0, $signed(a) < $signed(b)};
      4'hB: result = {16'b0, a < b};
      default: result = {1'b0, a};
    endcase
  end

  assign debug = regs[0] ^ regs[7];

  always @(posedge clk) begin
    if (rst) begin
      pc <= 0; stage <= 0; we <= 0; zero <= 0; carry <= 0; addr <= 0; wdata <= 0; ir <= 0;
      for (i = 0; i < 8; i = i + 1) regs[i] <= 0;
    end else begin
      case (stage)
        2'd0: begin addr <= pc; we <= 0; stage <= 1; end
        2'd1: begin ir <= rdata; pc <= pc + 1; stage <= 2; end
        2'd2: begin
          stage <= 0;
          case (op)
            4'hC: begin addr <= a + imm; stage <= 3; end                     // load
            4'hD: begin addr <= a + imm; wdata <= regs[rd]; we <= 1; end     // store
            4'hE: if (zero) pc <= pc + imm;                                 // branch if zero
            4'hF: pc <= a;                                                  // jump
            default: begin regs[rd] <= result[15:0]; zero <= result[15:0] == 0; carry <= result[16]; end
          endcase
        end
        2'd3: begin regs[rd] <= rdata; stage <= 0; end
      endcase
    end
  end
endmodule
