/* Native driver for build.sh: prints run(n) as a signed 64-bit decimal (Java's long). */
#include <stdio.h>
#include <stdlib.h>
long long run(int n);
int main(int argc, char **argv) {
  if (argc != 2) return 2;
  printf("%lld\n", run(atoi(argv[1])));
  return 0;
}
