# SPDX-License-Identifier: GPL-3.0-or-later
# Warnings for the project's own targets (not for third-party headers).
function(roamscope_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                         -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast)
endfunction()
