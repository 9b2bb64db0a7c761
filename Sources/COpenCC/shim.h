// OpenCC's C API (opencc_open, opencc_convert_utf8, …); pkg-config puts its include directory on the path.
#include <opencc.h>
