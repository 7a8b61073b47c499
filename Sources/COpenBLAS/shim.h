// Debian's libopenblas-dev: pkg-config `openblas` puts its own folder
// (/usr/include/x86_64-linux-gnu/openblas-pthread) first, so this is OpenBLAS's cblas.h, not another BLAS's.
#include <cblas.h>
