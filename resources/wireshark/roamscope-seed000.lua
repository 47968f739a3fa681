-- SPDX-License-Identifier: GPL-3.0-or-later
-- Wireshark dissector for the RoamScope seed-000 fast re-association messages
-- (docs/protocols/seed-000.md): IEEE 802.11 vendor-specific Action frames
-- (category 127) under the locally administered OUI 02-52-53, OUI type 0x00.
-- Load with: wireshark -X lua_script:roamscope-seed000.lua (or copy it into the
-- personal Lua plugins folder). Field names match RoamScope's roamscope.seed000.*.

local seed000 = Proto("roamscope.seed000", "RoamScope seed-000 fast re-association")

local msg_types = {
  [1] = "Authenticate PTK request",
  [2] = "Authenticate PTK response",
  [3] = "Group Key Confirm",
}

local f = seed000.fields
f.oui_type = ProtoField.uint8("roamscope.seed000.oui_type", "OUI type", base.HEX)
f.msg_type = ProtoField.uint8("roamscope.seed000.msg_type", "Message type", base.DEC, msg_types)
f.group_cipher = ProtoField.uint32("roamscope.seed000.group_cipher", "Group cipher suite", base.HEX)
f.pairwise_cipher = ProtoField.uint32("roamscope.seed000.pairwise_cipher", "Pairwise cipher suite", base.HEX)
f.akm = ProtoField.uint32("roamscope.seed000.akm", "AKM suite", base.HEX)
f.arandom = ProtoField.bytes("roamscope.seed000.arandom", "ARandom")
f.srandom = ProtoField.bytes("roamscope.seed000.srandom", "SRandom")
f.ptkid = ProtoField.bytes("roamscope.seed000.ptkid", "PTKID")
f.gtkid = ProtoField.uint8("roamscope.seed000.gtkid", "GTKID (key ID)", base.DEC)
f.gtk_len = ProtoField.uint8("roamscope.seed000.gtk_len", "Wrapped GTK length", base.DEC)
f.gtk = ProtoField.bytes("roamscope.seed000.gtk", "Wrapped GTK")
f.mic = ProtoField.bytes("roamscope.seed000.mic", "MIC")

local ef_malformed = ProtoExpert.new("roamscope.seed000.malformed", "Malformed seed-000 message",
                                     expert.group.MALFORMED, expert.severity.ERROR)
seed000.experts = { ef_malformed }

-- The vendor-specific action table hands over the bytes after the OUI.
function seed000.dissector(tvb, pinfo, tree)
  local len = tvb:len()
  if len < 1 or tvb(0, 1):uint() ~= 0x00 then return 0 end
  local subtree = tree:add(seed000, tvb())
  subtree:add(f.oui_type, tvb(0, 1))
  pinfo.cols.protocol = "SEED000"
  local off = 1
  local function need(n, what)
    if off + n > len then
      subtree:add_proto_expert_info(ef_malformed, "seed-000 message truncated in " .. what)
      return false
    end
    return true
  end
  if not need(1, "message type") then return len end
  local mtype = tvb(off, 1):uint()
  subtree:add(f.msg_type, tvb(off, 1))
  off = off + 1
  local name = msg_types[mtype]
  if not name then
    subtree:add_proto_expert_info(ef_malformed, "unknown seed-000 message type " .. mtype)
    pinfo.cols.info = "Seed-000 unknown message type " .. mtype
    return len
  end
  pinfo.cols.info = "Seed-000 " .. name
  local function add(field, n, what)
    if not need(n, what) then return false end
    subtree:add(field, tvb(off, n))
    off = off + n
    return true
  end
  if mtype ~= 3 then
    if not add(f.group_cipher, 4, "group cipher suite") then return len end
    if not add(f.pairwise_cipher, 4, "pairwise cipher suite") then return len end
    if not add(f.akm, 4, "AKM suite") then return len end
  end
  if mtype ~= 1 and not add(f.arandom, 32, "ARandom") then return len end
  if mtype ~= 3 then
    if not add(f.srandom, 32, "SRandom") then return len end
    if not add(f.ptkid, 16, "PTKID") then return len end
  end
  if mtype == 2 then
    if not need(1, "GTKID") then return len end
    local gtkid = tvb(off, 1):uint()
    add(f.gtkid, 1, "GTKID")
    if gtkid > 3 then
      subtree:add_proto_expert_info(ef_malformed, "seed-000 GTKID reserved bits set")
      return len
    end
    if not need(1, "wrapped GTK length") then return len end
    local glen = tvb(off, 1):uint()
    add(f.gtk_len, 1, "wrapped GTK length")
    if glen ~= 24 and glen ~= 32 and glen ~= 40 then
      subtree:add_proto_expert_info(ef_malformed, "seed-000 wrapped GTK length is not 24, 32 or 40")
      return len
    end
    if not add(f.gtk, glen, "wrapped GTK") then return len end
  end
  if not add(f.mic, 16, "MIC") then return len end
  if off ~= len then
    subtree:add_proto_expert_info(ef_malformed, "octets after the seed-000 MIC")
  end
  return len
end

DissectorTable.get("wlan.action.vendor_specific"):add(0x025253, seed000)
