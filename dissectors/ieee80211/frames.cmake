# SPDX-License-Identifier: GPL-3.0-or-later
# IEEE 802.11 MAC: header and body views, builders, and the describe step.
target_sources(roamscope_dissectors PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/names.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mac_header.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mgmt_body.cpp
  ${CMAKE_CURRENT_LIST_DIR}/describe_util.cpp
  ${CMAKE_CURRENT_LIST_DIR}/describe_header.cpp
  ${CMAKE_CURRENT_LIST_DIR}/describe_mgmt.cpp
  ${CMAKE_CURRENT_LIST_DIR}/describe_action.cpp
  ${CMAKE_CURRENT_LIST_DIR}/describe_control.cpp
  ${CMAKE_CURRENT_LIST_DIR}/describe_data.cpp
  ${CMAKE_CURRENT_LIST_DIR}/dissect_ieee80211.cpp)
