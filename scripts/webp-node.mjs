// The reference for wasmvm-core's WebpEncoderTest: encodes the test's generated RGBA image with the SIMD
// build of @jsquash/webp's encoder under node, with the package's default options, and prints what the
// test checks. Run it on the unpacked package (npm pack @jsquash/webp@1.5.0 && tar xzf jsquash-webp-1.5.0.tgz):
//   node scripts/webp-node.mjs "$PWD/package" > wasmvm-core/src/test/resources/published/webp-node.properties
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const dir = process.argv[2];
const { default: factory } = await import(dir + '/codec/enc/webp_enc_simd.js');
const { defaultOptions } = await import(dir + '/meta.js');
const width = 96, height = 64;
const rgba = new Uint8ClampedArray(width * height * 4);
for (let y = 0; y < height; y++) {
  for (let x = 0; x < width; x++) { // the same pattern as WebpEncoderTest.image
    const i = (y * width + x) * 4;
    rgba[i] = (x * 7 + y * 3) & 255;
    rgba[i + 1] = (x * y) & 255;
    rgba[i + 2] = ((x ^ y) * 5) & 255;
    rgba[i + 3] = 255;
  }
}
const module = await factory({ wasmBinary: readFileSync(dir + '/codec/enc/webp_enc_simd.wasm') });
const out = module.encode(rgba, width, height, defaultOptions);
console.log(`# node ${process.version}, @jsquash/webp webp_enc_simd.wasm, defaultOptions of its meta.js`);
for (const [name, value] of Object.entries(defaultOptions)) {
  console.log(`option.${name}=${value}`);
}
console.log(`width=${width}\nheight=${height}\nlength=${out.length}\nsha256=${createHash('sha256').update(out).digest('hex')}`);
