// The Open Telekom Cloud catalogs (errcat::otc): one namespace per service with the API of
// errcat::iam, and the registry across them.
#include <errcat/iam.hpp>
#include <errcat/otc/ecs.hpp>
#include <errcat/otc/eip.hpp>
#include <errcat/otc/vpc.hpp>
#include <errcat/registry.hpp>

#include <set>
#include <string>
#include <system_error>
#include <vector>

#include "catch.hpp"

namespace ecs = errcat::otc::ecs;

TEST_CASE("errcat::otc::ecs finds Ecs.0114 as the 404 'The ECS does not exist.' entry") {
  const errcat::entry* e = ecs::catalog.find("Ecs.0114");
  REQUIRE(e != nullptr);
  CHECK(e->status == 404);
  CHECK(e->code == "Ecs.0114");
  CHECK(e->message == "The ECS does not exist.");
  CHECK(ecs::catalog.find(404, "Ecs.0114") == e);
  CHECK(ecs::catalog.cpp_namespace == "errcat::otc::ecs");
}

TEST_CASE("An OTC service has the API of errcat::iam: errc, category, make and checked make") {
  const errcat::error checked = ecs::make<"Ecs.0114">();
  CHECK(checked.code() == "Ecs.0114");
  CHECK(checked.status() == 404);
  CHECK(checked.message() == "The ECS does not exist.");
  const errcat::error by_code = ecs::make("Ecs.0114");
  CHECK(by_code.entry() == checked.entry());
  const errcat::error with_arg = ecs::make<"Pdp.0001">("ecs:servers:create");
  CHECK(with_arg.message() == "Policy does not allow ecs:servers:create to be performed.");
  const std::error_code ec = ecs::errc::ecs_not_found;
  CHECK(&ec.category() == &ecs::category());
  CHECK(ec.value() == checked.entry()->errc_value);
  CHECK(std::string(ecs::category().name()) == "ecs");
  CHECK(&ecs::category() != &errcat::iam::category());
}

TEST_CASE("Every OTC service is a bundled catalog named by its service, after iam and apigw") {
  std::set<std::string_view> names;
  for (const errcat::bundled_catalog& c : errcat::bundled_catalogs())
    names.insert(c.name);
  for (std::string_view s : {"iam", "apigw", "ecs", "vpc", "eip"})
    CHECK(names.count(s) == 1);
  CHECK(errcat::find_bundled_catalog("ecs")->catalog == &ecs::catalog);
  CHECK(errcat::bundled_catalogs()[0].catalog == &errcat::iam::catalog);
}

TEST_CASE("The services the issue names are bundled under their usual short names") {
  for (std::string_view s : {"ecs", "evs", "vpc", "elb", "dns", "kms", "smn", "obs", "rds", "cce",
                             "as", "ims", "apig", "otc.iam"}) {
    INFO(s);
    const errcat::bundled_catalog* c = errcat::find_bundled_catalog(s);
    REQUIRE(c != nullptr);
    CHECK(c->catalog->size() > 0);
    CHECK(c->catalog->cpp_namespace.starts_with("errcat::otc::"));
    // The source names the documentation repository, the file and the commit.
    CHECK(c->catalog->source.starts_with("opentelekomcloud-docs/"));
    CHECK(c->catalog->source.find(", commit ") != std::string_view::npos);
  }
}

TEST_CASE("A code two services document returns both, each under its service") {
  std::vector<std::string_view> services;
  std::vector<std::string_view> messages;
  for (const errcat::bundled_match m : errcat::find_bundled("VPC.0101")) {
    services.push_back(m.source->name);
    messages.push_back(m.entry->message);
  }
  std::vector<std::string_view> expected_services;
  std::vector<std::string_view> expected_messages;
  for (const errcat::bundled_catalog& c : errcat::bundled_catalogs()) {
    for (const errcat::entry& e : c.catalog->find_all("VPC.0101")) {
      expected_services.push_back(c.name);
      expected_messages.push_back(e.message);
    }
  }
  CHECK(services == expected_services);
  CHECK(messages == expected_messages);
  CHECK(std::set<std::string_view>(services.begin(), services.end()) ==
        std::set<std::string_view>{"eip", "vpc"});
}

TEST_CASE("Ecs.0114 is found in any letter case of its prefix") {
  for (std::string_view code : {"Ecs.0114", "ECS.0114", "ecs.0114", "eCS.0114"}) {
    const errcat::bundled_match m = errcat::find_bundled(404, code).front();
    REQUIRE(m.entry != nullptr);
    CHECK(m.entry == ecs::catalog.find("Ecs.0114"));
    CHECK(m.source->name == "ecs");
  }
  CHECK(errcat::find_bundled(400, "ecs.0114").empty());
}
