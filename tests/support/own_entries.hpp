// The entries of errcat's own bundled catalogs, for tests that read every entry back from
// the body it renders. errcat::testing::all_entries() also holds every Open Telekom Cloud
// service, where a body cannot tell apart two catalogs that document the same code, status
// and message (OTC's apig republishes the API gateway's table; VPC.0101 is in VPC's and
// EIP's), and message-only matching keeps to errcat's own catalogs by design.
#pragma once

#include <errcat/registry.hpp>
#include <errcat/testing/fixtures.hpp>

#include <vector>

/// Every entry of the bundled catalogs outside errcat::otc, in the registry's order.
inline std::vector<const errcat::entry*> errcat_own_entries() {
  std::vector<const errcat::entry*> out;
  for (const errcat::bundled_catalog& c : errcat::bundled_catalogs()) {
    if (c.catalog->cpp_namespace.starts_with("errcat::otc::")) continue;
    const std::vector<const errcat::entry*> some = errcat::testing::entries(*c.catalog);
    out.insert(out.end(), some.begin(), some.end());
  }
  return out;
}
