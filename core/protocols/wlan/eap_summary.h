// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One line naming an EAP packet for trace texts, in RFC 3748 / RFC 5216 terms:
//   EAP-Response/Identity "peer@roamscope.test" (id 1)
//   EAP-Request/EAP-TLS Start (id 2)
//   EAP-Response/EAP-TLS, 1020 TLS octets, more fragments (id 3)
//   EAP-Request/EAP-TLS acknowledgement (id 4)
//   EAP-Success (id 9)
#include <string>

#include "dissectors/common/bytes.h"

namespace rs::wlan {

std::string summarizeEap(ByteView eap);

}  // namespace rs::wlan
