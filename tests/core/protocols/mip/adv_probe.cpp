// temporary probe
#include <cstdio>
#include "core/analysis/mip/ipv4_datagram.h"
#include "core/sim/node.h"
#include "dissectors/mip/agent_advertisement.h"
#include "tests/core/protocols/mip/mip_test_scenarios.h"
using namespace rs;
int main() {
  for (const char* p : {"mip-dynamic.json", "mip-ha-failover.json"}) {
    auto run = test::makeMipRun(p);
    run.network->run();
    std::printf("== %s\n", p);
    for (const auto& r : run.network->truth().records()) {
      auto a = r.steps.find(mipreg::Step::Advertisement);
      auto t = r.steps.find(mipreg::Step::Attach);
      std::printf("record %s start %lld attach %lld adv %lld\n", std::string(mipreg::triggerName(r.trigger)).c_str(), (long long)r.startNs,
                  t == r.steps.end() ? -1LL : (long long)t->second, a == r.steps.end() ? -1LL : (long long)a->second);
    }
    auto& c = *run.capture;
    for (size_t i = 0; i < c.frames.size(); ++i) {
      FrameView f; f.timestampNs = c.times[i]; f.linkType = (uint32_t)c.linkTypes[i]; f.data = c.frames[i];
      auto ip = mipreg::ipv4DatagramOf(f);
      if (!ip || ip->protocol != 1) continue;
      auto adv = mip::parseAgentAdvertisement(ip->payload);
      if (!adv || adv->routers.empty()) continue;
      std::printf("adv t=%lld point %u src %s router %s\n", (long long)c.times[i], c.points[i], sim::formatIpv4Address(ip->source).c_str(),
                  sim::formatIpv4Address(adv->routers.front().address).c_str());
    }
  }
}
