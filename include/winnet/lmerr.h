/* lmerr.h - the NERR_* status codes the LAN Manager (Net*) functions return besides
 * the Win32 ERROR_* codes of winerror.h. Values equal Windows' lmerr.h: NERR_Success
 * is 0 and every other code is NERR_BASE (2100) plus an offset. */
#ifndef WINNET_LMERR_H
#define WINNET_LMERR_H

#define NERR_Success 0 /* the call succeeded */
#define NERR_BASE    2100

/* General network and service state. */
#define NERR_NetNotStarted          (NERR_BASE + 2)  /* 2102 */
#define NERR_UnknownServer          (NERR_BASE + 3)  /* 2103 */
#define NERR_ShareMem               (NERR_BASE + 4)  /* 2104 */
#define NERR_NoNetworkResource      (NERR_BASE + 5)  /* 2105 */
#define NERR_RemoteOnly             (NERR_BASE + 6)  /* 2106 */
#define NERR_DevNotRedirected       (NERR_BASE + 7)  /* 2107 */
#define NERR_ServerNotStarted       (NERR_BASE + 14) /* 2114 */
#define NERR_ItemNotFound           (NERR_BASE + 15) /* 2115 */
#define NERR_UnknownDevDir          (NERR_BASE + 16) /* 2116 */
#define NERR_RedirectedPath         (NERR_BASE + 17) /* 2117 */
#define NERR_DuplicateShare         (NERR_BASE + 18) /* 2118 */
#define NERR_NoRoom                 (NERR_BASE + 19) /* 2119 */
#define NERR_TooManyItems           (NERR_BASE + 21) /* 2121 */
#define NERR_InvalidMaxUsers        (NERR_BASE + 22) /* 2122 */
#define NERR_BufTooSmall            (NERR_BASE + 23) /* 2123 */
#define NERR_RemoteErr              (NERR_BASE + 27) /* 2127 */
#define NERR_LanmanIniError         (NERR_BASE + 31) /* 2131 */
#define NERR_NetworkError           (NERR_BASE + 36) /* 2136 */
#define NERR_WkstaInconsistentState (NERR_BASE + 37) /* 2137 */
#define NERR_WkstaNotStarted        (NERR_BASE + 38) /* 2138 */
#define NERR_BrowserNotStarted      (NERR_BASE + 39) /* 2139 */
#define NERR_InternalError          (NERR_BASE + 40) /* 2140 */
#define NERR_BadTransactConfig      (NERR_BASE + 41) /* 2141 */
#define NERR_InvalidAPI             (NERR_BASE + 42) /* 2142 */
#define NERR_BadEventName           (NERR_BASE + 43) /* 2143 */
#define NERR_DupNameReboot          (NERR_BASE + 44) /* 2144 */

/* Configuration. */
#define NERR_CfgCompNotFound  (NERR_BASE + 46) /* 2146 */
#define NERR_CfgParamNotFound (NERR_BASE + 47) /* 2147 */
#define NERR_LineTooLong      (NERR_BASE + 49) /* 2149 */

/* Service control. */
#define NERR_ServiceTableLocked  (NERR_BASE + 80) /* 2180 */
#define NERR_ServiceTableFull    (NERR_BASE + 81) /* 2181 */
#define NERR_ServiceInstalled    (NERR_BASE + 82) /* 2182 */
#define NERR_ServiceEntryLocked  (NERR_BASE + 83) /* 2183 */
#define NERR_ServiceNotInstalled (NERR_BASE + 84) /* 2184 */
#define NERR_BadServiceName      (NERR_BASE + 85) /* 2185 */
#define NERR_ServiceCtlTimeout   (NERR_BASE + 86) /* 2186 */
#define NERR_ServiceCtlBusy      (NERR_BASE + 87) /* 2187 */
#define NERR_BadServiceProgName  (NERR_BASE + 88) /* 2188 */
#define NERR_ServiceNotCtrl      (NERR_BASE + 89) /* 2189 */
#define NERR_ServiceKillProc     (NERR_BASE + 90) /* 2190 */
#define NERR_ServiceCtlNotValid  (NERR_BASE + 91) /* 2191 */
#define NERR_NotInDispatchTbl    (NERR_BASE + 92) /* 2192 */
#define NERR_BadControlRecv      (NERR_BASE + 93) /* 2193 */
#define NERR_ServiceNotStarting  (NERR_BASE + 94) /* 2194 */

/* Logon and logoff. */
#define NERR_AlreadyLoggedOn     (NERR_BASE + 100) /* 2200 */
#define NERR_NotLoggedOn         (NERR_BASE + 101) /* 2201 */
#define NERR_BadUsername         (NERR_BASE + 102) /* 2202 */
#define NERR_BadPassword         (NERR_BASE + 103) /* 2203 */
#define NERR_UnableToAddName_W   (NERR_BASE + 104) /* 2204 */
#define NERR_UnableToAddName_F   (NERR_BASE + 105) /* 2205 */
#define NERR_UnableToDelName_W   (NERR_BASE + 106) /* 2206 */
#define NERR_UnableToDelName_F   (NERR_BASE + 107) /* 2207 */
#define NERR_LogonsPaused        (NERR_BASE + 109) /* 2209 */
#define NERR_LogonServerConflict (NERR_BASE + 110) /* 2210 */
#define NERR_LogonNoUserPath     (NERR_BASE + 111) /* 2211 */
#define NERR_LogonScriptError    (NERR_BASE + 112) /* 2212 */
#define NERR_StandaloneLogon     (NERR_BASE + 114) /* 2214 */
#define NERR_LogonServerNotFound (NERR_BASE + 115) /* 2215 */
#define NERR_LogonDomainExists   (NERR_BASE + 116) /* 2216 */
#define NERR_NonValidatedLogon   (NERR_BASE + 117) /* 2217 */

/* Accounts: users, groups, passwords, access control. */
#define NERR_ACFNotFound          (NERR_BASE + 119) /* 2219 */
#define NERR_GroupNotFound        (NERR_BASE + 120) /* 2220 */
#define NERR_UserNotFound         (NERR_BASE + 121) /* 2221 */
#define NERR_ResourceNotFound     (NERR_BASE + 122) /* 2222 */
#define NERR_GroupExists          (NERR_BASE + 123) /* 2223 */
#define NERR_UserExists           (NERR_BASE + 124) /* 2224 */
#define NERR_ResourceExists       (NERR_BASE + 125) /* 2225 */
#define NERR_NotPrimary           (NERR_BASE + 126) /* 2226 */
#define NERR_ACFNotLoaded         (NERR_BASE + 127) /* 2227 */
#define NERR_ACFNoRoom            (NERR_BASE + 128) /* 2228 */
#define NERR_ACFFileIOFail        (NERR_BASE + 129) /* 2229 */
#define NERR_ACFTooManyLists      (NERR_BASE + 130) /* 2230 */
#define NERR_UserLogon            (NERR_BASE + 131) /* 2231 */
#define NERR_ACFNoParent          (NERR_BASE + 132) /* 2232 */
#define NERR_CanNotGrowSegment    (NERR_BASE + 133) /* 2233 */
#define NERR_SpeGroupOp           (NERR_BASE + 134) /* 2234 */
#define NERR_NotInCache           (NERR_BASE + 135) /* 2235 */
#define NERR_UserInGroup          (NERR_BASE + 136) /* 2236 */
#define NERR_UserNotInGroup       (NERR_BASE + 137) /* 2237 */
#define NERR_AccountUndefined     (NERR_BASE + 138) /* 2238 */
#define NERR_AccountExpired       (NERR_BASE + 139) /* 2239 */
#define NERR_InvalidWorkstation   (NERR_BASE + 140) /* 2240 */
#define NERR_InvalidLogonHours    (NERR_BASE + 141) /* 2241 */
#define NERR_PasswordExpired      (NERR_BASE + 142) /* 2242 */
#define NERR_PasswordCantChange   (NERR_BASE + 143) /* 2243 */
#define NERR_PasswordHistConflict (NERR_BASE + 144) /* 2244 */
#define NERR_PasswordTooShort     (NERR_BASE + 145) /* 2245 */
#define NERR_PasswordTooRecent    (NERR_BASE + 146) /* 2246 */
#define NERR_InvalidDatabase      (NERR_BASE + 147) /* 2247 */
#define NERR_DatabaseUpToDate     (NERR_BASE + 148) /* 2248 */
#define NERR_SyncRequired         (NERR_BASE + 149) /* 2249 */
#define NERR_UseNotFound          (NERR_BASE + 150) /* 2250 */
#define NERR_BadAsgType           (NERR_BASE + 151) /* 2251 */
#define NERR_DeviceIsShared       (NERR_BASE + 152) /* 2252 */

/* Messenger names. */
#define NERR_NoComputerName     (NERR_BASE + 170) /* 2270 */
#define NERR_MsgAlreadyStarted  (NERR_BASE + 171) /* 2271 */
#define NERR_MsgInitFailed      (NERR_BASE + 172) /* 2272 */
#define NERR_NameNotFound       (NERR_BASE + 173) /* 2273 */
#define NERR_AlreadyForwarded   (NERR_BASE + 174) /* 2274 */
#define NERR_AddForwarded       (NERR_BASE + 175) /* 2275 */
#define NERR_AlreadyExists      (NERR_BASE + 176) /* 2276 */
#define NERR_TooManyNames       (NERR_BASE + 177) /* 2277 */
#define NERR_DelComputerName    (NERR_BASE + 178) /* 2278 */
#define NERR_LocalForward       (NERR_BASE + 179) /* 2279 */
#define NERR_GrpMsgProcessor    (NERR_BASE + 180) /* 2280 */
#define NERR_PausedRemote       (NERR_BASE + 181) /* 2281 */
#define NERR_BadReceive         (NERR_BASE + 182) /* 2282 */
#define NERR_NameInUse          (NERR_BASE + 183) /* 2283 */
#define NERR_MsgNotStarted      (NERR_BASE + 184) /* 2284 */
#define NERR_NotLocalName       (NERR_BASE + 185) /* 2285 */
#define NERR_NoForwardName      (NERR_BASE + 186) /* 2286 */
#define NERR_RemoteFull         (NERR_BASE + 187) /* 2287 */
#define NERR_NameNotForwarded   (NERR_BASE + 188) /* 2288 */
#define NERR_TruncatedBroadcast (NERR_BASE + 189) /* 2289 */
#define NERR_InvalidDevice      (NERR_BASE + 194) /* 2294 */
#define NERR_WriteFault         (NERR_BASE + 195) /* 2295 */
#define NERR_DuplicateName      (NERR_BASE + 197) /* 2297 */
#define NERR_DeleteLater        (NERR_BASE + 198) /* 2298 */
#define NERR_IncompleteDel      (NERR_BASE + 199) /* 2299 */
#define NERR_MultipleNets       (NERR_BASE + 200) /* 2300 */

/* Shares, sessions and browsing. */
#define NERR_NetNameNotFound        (NERR_BASE + 210) /* 2310 */
#define NERR_DeviceNotShared        (NERR_BASE + 211) /* 2311 */
#define NERR_ClientNameNotFound     (NERR_BASE + 212) /* 2312 */
#define NERR_FileIdNotFound         (NERR_BASE + 214) /* 2314 */
#define NERR_ExecFailure            (NERR_BASE + 215) /* 2315 */
#define NERR_TmpFile                (NERR_BASE + 216) /* 2316 */
#define NERR_TooMuchData            (NERR_BASE + 217) /* 2317 */
#define NERR_DeviceShareConflict    (NERR_BASE + 218) /* 2318 */
#define NERR_BrowserTableIncomplete (NERR_BASE + 219) /* 2319 */
#define NERR_NotLocalDomain         (NERR_BASE + 220) /* 2320 */
#define NERR_IsDfsShare             (NERR_BASE + 221) /* 2321 */

/* Computer names and parameters. */
#define NERR_InvalidComputer (NERR_BASE + 251) /* 2351 */
#define NERR_MaxLenExceeded  (NERR_BASE + 254) /* 2354 */
#define NERR_BadComponent    (NERR_BASE + 256) /* 2356 */
#define NERR_CantType        (NERR_BASE + 257) /* 2357 */
#define NERR_TooManyEntries  (NERR_BASE + 262) /* 2362 */

/* Server shares and connections. */
#define NERR_ShareNotFound   (NERR_BASE + 292) /* 2392 */
#define NERR_InvalidLana     (NERR_BASE + 300) /* 2400 */
#define NERR_OpenFiles       (NERR_BASE + 301) /* 2401 */
#define NERR_ActiveConns     (NERR_BASE + 302) /* 2402 */
#define NERR_BadPasswordCore (NERR_BASE + 303) /* 2403 */
#define NERR_DevInUse        (NERR_BASE + 304) /* 2404 */
#define NERR_LocalDrive      (NERR_BASE + 305) /* 2405 */

/* User accounts database and domain controllers. */
#define NERR_BadUasConfig       (NERR_BASE + 350) /* 2450 */
#define NERR_InvalidUASOp       (NERR_BASE + 351) /* 2451 */
#define NERR_LastAdmin          (NERR_BASE + 352) /* 2452 */
#define NERR_DCNotFound         (NERR_BASE + 353) /* 2453 */
#define NERR_LogonTrackingError (NERR_BASE + 354) /* 2454 */
#define NERR_NetlogonNotStarted (NERR_BASE + 355) /* 2455 */
#define NERR_CanNotGrowUASFile  (NERR_BASE + 356) /* 2456 */
#define NERR_TimeDiffAtDC       (NERR_BASE + 357) /* 2457 */
#define NERR_PasswordMismatch   (NERR_BASE + 358) /* 2458 */
#define NERR_NoSuchServer       (NERR_BASE + 360) /* 2460 */
#define NERR_NoSuchSession      (NERR_BASE + 361) /* 2461 */
#define NERR_NoSuchConnection   (NERR_BASE + 362) /* 2462 */
#define NERR_TooManyServers     (NERR_BASE + 363) /* 2463 */
#define NERR_TooManySessions    (NERR_BASE + 364) /* 2464 */
#define NERR_TooManyConnections (NERR_BASE + 365) /* 2465 */
#define NERR_TooManyFiles       (NERR_BASE + 366) /* 2466 */
#define NERR_NoAlternateServers (NERR_BASE + 367) /* 2467 */
#define NERR_TryDownLevel       (NERR_BASE + 370) /* 2470 */

/* Browser. */
#define NERR_BrowserConfiguredToNotRun (NERR_BASE + 450) /* 2550 */

/* Domain join (NetJoinDomain, NetGetJoinInformation). */
#define NERR_DfsInternalError             (NERR_BASE + 590) /* 2690 */
#define NERR_SetupAlreadyJoined           (NERR_BASE + 591) /* 2691 */
#define NERR_SetupNotJoined               (NERR_BASE + 592) /* 2692 */
#define NERR_SetupDomainController        (NERR_BASE + 593) /* 2693 */
#define NERR_DefaultJoinRequired          (NERR_BASE + 594) /* 2694 */
#define NERR_InvalidWorkgroupName         (NERR_BASE + 595) /* 2695 */
#define NERR_NameUsesIncompatibleCodePage (NERR_BASE + 596) /* 2696 */
#define NERR_ComputerAccountNotFound      (NERR_BASE + 597) /* 2697 */
#define NERR_PersonalSku                  (NERR_BASE + 598) /* 2698 */

/* Password policy. */
#define NERR_PasswordMustChange       (NERR_BASE + 601) /* 2701 */
#define NERR_AccountLockedOut         (NERR_BASE + 602) /* 2702 */
#define NERR_PasswordTooLong          (NERR_BASE + 603) /* 2703 */
#define NERR_PasswordNotComplexEnough (NERR_BASE + 604) /* 2704 */
#define NERR_PasswordFilterError      (NERR_BASE + 605) /* 2705 */

/* Highest code reserved for LAN Manager. */
#define MAX_NERR (NERR_BASE + 899)

#endif /* WINNET_LMERR_H */
