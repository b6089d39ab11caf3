// Uses one OTC service header and the registry from an installed errcat.
#include <errcat/otc/ecs.hpp>
#include <errcat/registry.hpp>

#include <cstdio>

int main() {
  const errcat::error err = errcat::otc::ecs::make<"Ecs.0114">();
  const errcat::bundled_match m = errcat::find_bundled("ECS.0114").front();
  if (err.status() != 404 || m.entry != err.entry() || m.source->name != "ecs") {
    std::puts("otc consumer: wrong answer");
    return 1;
  }
  std::printf("otc consumer: %s %s\n", std::string(err.code()).c_str(),
              std::string(err.message()).c_str());
  return 0;
}
