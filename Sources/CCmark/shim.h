// Without this, cmark.h defines short macros (NODE_TEXT, ...) that leak into every importer.
#define CMARK_NO_SHORT_NAMES 1
#include <cmark.h>
