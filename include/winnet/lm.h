/* lm.h - the whole LAN Manager (NetApi32) API that winnet implements, as Windows
 * programs include it: <windows.h> first, then every lm*.h header. */
#ifndef WINNET_LM_H
#define WINNET_LM_H

#include "windows.h"
#include "lmcons.h"
#include "lmerr.h"
#include "lmaccess.h"
#include "lmshare.h"
#include "lmserver.h"
#include "lmwksta.h"
#include "lmapibuf.h"
#include "lmjoin.h"
#include "lmremutl.h"

#endif /* WINNET_LM_H */
