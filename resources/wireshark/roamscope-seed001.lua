-- SPDX-License-Identifier: GPL-3.0-or-later
-- Wireshark post-dissector for the RoamScope seed-001 Mobile IP extensions
-- (docs/protocols/seed-001.md): Critical Vendor/Organization Specific
-- Extensions (RFC 3115, type 38) of enterprise 32473 inside Mobile IP
-- registration messages. Wireshark's own Mobile IP dissector shows them as
-- CVSEs with a byte value; this script reads those values and adds the fields
-- RoamScope shows, under the same names (roamscope.mip.*).
-- Load with: tshark -X lua_script:roamscope-seed001.lua (or copy it into the
-- personal Lua plugins folder).

local seed001 = Proto("roamscope.mip", "RoamScope seed-001 Mobile IP extensions")

local kVendor = 32473
local algorithms = { [1] = "HMAC-MD5", [2] = "Keyed MD5 prefix+suffix" }
local replay = { [1] = "Timestamps", [2] = "Nonces" }

local f = seed001.fields
local function keyFields(prefix, what)
  return {
    spi = ProtoField.uint32(prefix .. ".spi", what .. " SPI", base.HEX),
    algorithm = ProtoField.uint8(prefix .. ".algorithm", what .. " algorithm", base.DEC, algorithms),
    replay_method = ProtoField.uint8(prefix .. ".replay_method", what .. " replay protection", base.DEC, replay),
    replay_window = ProtoField.uint16(prefix .. ".replay_window", what .. " replay window (s)", base.DEC),
  }
end
local skey = keyFields("roamscope.mip.skey", "Skey")
local skey_prime = keyFields("roamscope.mip.skey_prime", "Skey'")
for _, set in ipairs({ skey, skey_prime }) do
  for name, field in pairs(set) do f[#f + 1] = field end
end
f.auth_challenge = ProtoField.bytes("roamscope.mip.mschapv2.auth_challenge", "Authenticator challenge")
f.peer_challenge = ProtoField.bytes("roamscope.mip.mschapv2.peer_challenge", "Peer challenge")
f.nt_response = ProtoField.bytes("roamscope.mip.mschapv2.nt_response", "NT-Response")
f.auth_response = ProtoField.string("roamscope.mip.mschapv2.auth_response", "Authenticator response")
f.ppp = ProtoField.uint16("roamscope.mip.auth_protocol.ppp", "PPP protocol", base.HEX)
f.chap_algorithm = ProtoField.uint8("roamscope.mip.auth_protocol.algorithm", "CHAP algorithm", base.HEX)
f.domain = ProtoField.string("roamscope.mip.domain", "Domain name")

local ef_length = ProtoExpert.new("roamscope.mip.bad_length", "Seed-001 extension value of the wrong length",
                                  expert.group.MALFORMED, expert.severity.ERROR)
seed001.experts = { ef_length }

local vendor_id = Field.new("mip.ext.cvse.vendor_id")
local vendor_type = Field.new("mip.ext.cvse.vendor_type")
local vendor_value = Field.new("mip.ext.cvse.vendor_value")

-- Value sizes per vendor type (0: any non-empty size).
local sizes = { [1] = 8, [2] = 8, [3] = 16, [4] = 16, [5] = 24, [6] = 3, [7] = 0, [8] = 42 }

local function addKey(tree, set, r)
  tree:add(set.spi, r(0, 4))
  tree:add(set.algorithm, r(4, 1))
  tree:add(set.replay_method, r(5, 1))
  tree:add(set.replay_window, r(6, 2))
end

function seed001.dissector(tvb, pinfo, tree)
  local ids, types, values = { vendor_id() }, { vendor_type() }, { vendor_value() }
  -- Each well-formed CVSE yields one of each, in order.
  if #ids == 0 or #ids ~= #types or #ids ~= #values then return end
  local subtree = nil
  for i = 1, #ids do
    if ids[i].value == kVendor then
      local vt = types[i].value
      local r = values[i].range
      subtree = subtree or tree:add(seed001)
      local want = sizes[vt]
      if want == nil then
        -- unknown vendor type: nothing to add
      elseif (want > 0 and r:len() ~= want) or (want == 0 and r:len() == 0) then
        subtree:add_proto_expert_info(ef_length, "vendor type " .. vt .. " has " .. r:len() .. " octets")
      elseif vt == 1 then addKey(subtree, skey, r)
      elseif vt == 2 then addKey(subtree, skey_prime, r)
      elseif vt == 3 then subtree:add(f.auth_challenge, r)
      elseif vt == 4 then subtree:add(f.peer_challenge, r)
      elseif vt == 5 then subtree:add(f.nt_response, r)
      elseif vt == 6 then subtree:add(f.ppp, r(0, 2)); subtree:add(f.chap_algorithm, r(2, 1))
      elseif vt == 7 then subtree:add(f.domain, r)
      elseif vt == 8 then subtree:add(f.auth_response, r)
      end
    end
  end
end

register_postdissector(seed001, true)
