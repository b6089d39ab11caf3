// Hostile input to the core: huge values, huge argument lists, invalid UTF-8, NUL bytes,
// megabyte codes and out-of-range statuses. Nothing may crash, hang, grow quadratically or
// let a value change the message around it.
#include <errcat/apigw.hpp>
#include <errcat/iam.hpp>
#include <errcat/match.hpp>
#include <errcat/render.hpp>

#include <algorithm>
#include <chrono>
#include <climits>
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"
#include "support/timing.hpp"

namespace iam = errcat::iam;
using errcat_test::fastest;
using namespace std::string_view_literals;

namespace {

const errcat::entry& at(std::string_view code) {
  const errcat::entry* e = iam::catalog.find(code);
  REQUIRE(e != nullptr);
  return *e;
}

}  // namespace

TEST_CASE("a 16 MiB parameter value is rendered whole, with the exact size", "[hostile]") {
  const errcat::entry& e = at("IAM.0004");  // Could not find %(target)s: %(target_id)s.
  const std::string big(16u << 20, 'x');
  const std::string msg = errcat::render(e, {big, "42"});
  CHECK(msg.size() == "Could not find : 42."sv.size() + big.size());
  CHECK(msg.compare(0, 15, "Could not find ") == 0);
  CHECK(msg.compare(15, big.size(), big) == 0);
  CHECK(msg.substr(15 + big.size()) == ": 42.");
  CHECK(errcat::rendered_size(e, std::vector<errcat::param_value>{big, "42"}) == msg.size());

  const errcat::error err = iam::make("IAM.0004", {{"target", big}, {"target_id", 42}});
  CHECK(err.message() == msg);
  CHECK(err.value_of("target")->size() == big.size());
}

TEST_CASE("rendering time grows linearly with the size of a value", "[hostile]") {
  const errcat::entry& e = at("IAM.0004");
  const std::string small(1u << 20, 'a');
  const std::string big(16u << 20, 'a');
  // Into a buffer that already has room, so what is timed is rendering, not the page
  // faults of fresh memory (which cost far more than the copy on some machines).
  std::string buffer;
  buffer.reserve(2 * big.size() + 64);
  auto render_into = [&](const std::string& v) {
    buffer.clear();
    const errcat::param_value values[] = {v, v};
    errcat::render_append(buffer, e, values);
  };
  render_into(big);  // touch every page of the buffer once
  const double t_small = fastest(15, [&] { render_into(small); });
  CHECK(buffer.size() == 2 * small.size() + "Could not find : ."sv.size());
  const double t_big = fastest(5, [&] { render_into(big); });
  CHECK(buffer.size() == 2 * big.size() + "Could not find : ."sv.size());
  INFO("1 MiB: " << t_small * 1e3 << " ms, 16 MiB: " << t_big * 1e3 << " ms");
  // 16 times the input should take about 16 times as long; quadratic work would take 256
  // times. The factor is generous because the machine is shared and sanitizers change costs.
  CHECK(t_big < 64 * t_small + 0.02);
}

TEST_CASE("a value that looks like a placeholder is inserted verbatim, never expanded",
          "[hostile]") {
  const errcat::entry& e = at("IAM.0004");
  CHECK(errcat::render(e, {"%(target_id)s", "%(target)s"}) ==
        "Could not find %(target_id)s: %(target)s.");
  CHECK(errcat::render(e, {"{}", "[input length] %s %d %%"}) ==
        "Could not find {}: [input length] %s %d %%.");
  const errcat::error err = iam::make("IAM.0004", {{"target", "%(target)s"}});
  CHECK(err.message() == "Could not find %(target)s: %(target_id)s.");
  CHECK(err.value_of("target") == "%(target)s");
}

TEST_CASE("make() rejects 100000 unknown parameters at the first one, quickly", "[hostile]") {
  std::vector<std::string> names;
  names.reserve(100000);
  for (int i = 0; i < 100000; ++i)
    names.push_back("p" + std::to_string(i));
  std::vector<errcat::named_arg> args;
  args.reserve(names.size());
  for (const std::string& n : names)
    args.push_back({n, "v"});
  const auto t0 = std::chrono::steady_clock::now();
  try {
    (void)errcat::make(at("IAM.0004"), args);
    FAIL("make accepted 100000 unknown parameters");
  } catch (const errcat::usage_error& u) {
    CHECK(u.param() == "p0");
    CHECK(u.code() == "IAM.0004");
    CHECK(std::string_view(u.what()).find("no parameter \"p0\"") != std::string_view::npos);
  }
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - t0;
  CHECK(took.count() < 1.0);  // one name is checked, not 100000
}

TEST_CASE("make() rejects a parameter given 100000 times as given more than once", "[hostile]") {
  const std::vector<errcat::named_arg> args(100000, errcat::named_arg{"target", "user"});
  try {
    (void)errcat::make(at("IAM.0004"), args);
    FAIL("make accepted a parameter 100000 times");
  } catch (const errcat::usage_error& u) {
    CHECK(u.param() == "target");
    CHECK(std::string_view(u.what()).find("more than once") != std::string_view::npos);
  }
}

TEST_CASE("rendering ignores the values beyond an entry's parameters, even 100000 of them",
          "[hostile]") {
  std::vector<errcat::param_value> values(100000, errcat::param_value("x"));
  values[0] = "user";
  values[1] = 42;
  CHECK(errcat::render(at("IAM.0004"), values) == "Could not find user: 42.");
  CHECK(errcat::make_from_values(at("IAM.0004"), values).message() == "Could not find user: 42.");
}

TEST_CASE("invalid UTF-8 is rejected as a code and kept verbatim as a value", "[hostile]") {
  const std::string_view bad[] = {
      "\xff"sv,         "\xc3\x28"sv,      "IAM.\xe2\x28\xa1"sv, "\xf0\x28\x8c\xbc"sv,
      "\xed\xa0\x80"sv, "APIGW.\xc0\xaf"sv};
  for (const std::string_view code : bad) {
    CHECK(iam::catalog.find(code) == nullptr);
    CHECK(iam::catalog.find(404, code) == nullptr);
    CHECK(iam::catalog.find_all(code).empty());
    CHECK(errcat::apigw::catalog.find(code) == nullptr);
    CHECK_THROWS_AS(iam::make(code), errcat::usage_error);
  }
  const std::string value = "\xff\xfe \xc3\x28 \xed\xa0\x80";
  const errcat::error err = iam::make("IAM.0004", {{"target", value}, {"target_id", "\x80"}});
  CHECK(err.message() == "Could not find " + value + ": \x80.");
  CHECK(err.value_of("target") == value);
  const errcat::error unknown(404, "\xff\xfe", "\xc3\x28");
  CHECK(unknown.code() == "\xff\xfe");
  CHECK(unknown.message() == "\xc3\x28");
  CHECK_FALSE(unknown.known());
  try {
    (void)iam::make("IAM.0004", {{"\xff", "x"}});
    FAIL("make accepted a parameter named \\xff");
  } catch (const errcat::usage_error& u) {
    CHECK(u.param() == "\xff");
  }
}

TEST_CASE("NUL bytes are part of codes and values, never terminators", "[hostile]") {
  CHECK(iam::catalog.find("IAM.0004\0"sv) == nullptr);
  CHECK(iam::catalog.find("IAM\0.0004"sv) == nullptr);
  CHECK(iam::catalog.find("\0IAM.0004"sv) == nullptr);
  CHECK(iam::catalog.find(std::string(8, '\0')) == nullptr);
  CHECK(iam::catalog.find(""sv) == nullptr);
  CHECK(errcat::apigw::catalog.find("APIGW.\0\x30\x33\x30\x31"sv) == nullptr);
  CHECK(errcat::apigw::catalog.find("APIGW.0301"sv) != nullptr);  // the control

  const std::string value("a\0b\0", 4);
  const std::string msg = errcat::render(at("IAM.0004"), {value, "\0"sv});
  CHECK(msg.size() == "Could not find : ."sv.size() + 5);
  CHECK(msg == "Could not find a\0b\0: \0."sv);

  const errcat::error err(404, "IAM.0004\0x"sv, "m\0"sv);
  CHECK(err.code().size() == 10);
  CHECK(err.message().size() == 2);
  CHECK_FALSE(err.known());
  CHECK_THROWS_AS(iam::make("IAM.0004", {{"target\0"sv, "x"}}), errcat::usage_error);
  CHECK_THROWS_AS(iam::make("IAM.0004\0"sv), errcat::usage_error);
}

TEST_CASE("a 1 MB code is rejected by every lookup and by make()", "[hostile]") {
  const std::string huge(1u << 20, 'A');
  const std::string huge_alias = "APIGW." + huge;
  const std::string huge_prefixed = "IAM.0004" + huge;
  for (const std::string* code : {&huge, &huge_alias, &huge_prefixed}) {
    CHECK(iam::catalog.find(*code) == nullptr);
    CHECK(iam::catalog.find(404, *code) == nullptr);
    CHECK(iam::catalog.find_key(*code) == nullptr);
    CHECK(iam::catalog.find_all(*code).empty());
    CHECK(errcat::apigw::catalog.find(*code) == nullptr);
    CHECK(errcat::apigw::catalog.find_all(401, *code).empty());
  }
  CHECK_THROWS_AS(iam::make(huge), errcat::usage_error);
  const errcat::error err(400, huge, huge);
  CHECK(err.code() == huge);
  CHECK(err.message() == huge);
}

TEST_CASE("negative, zero and huge statuses find nothing and are kept as given", "[hostile]") {
  const int statuses[] = {-1, -404, INT_MIN, INT_MAX, 404 + 65536, 1000, 99};
  for (const int s : statuses) {
    CHECK(iam::catalog.find(s, "IAM.0004") == nullptr);
    CHECK(iam::catalog.find_all(s, "IAM.0004").empty());
    CHECK(errcat::apigw::catalog.find(s, "APIG.0101") == nullptr);
    CHECK_THROWS_AS(iam::make(s, "IAM.0004"), errcat::usage_error);
  }
  // 0 means "any status" in lookups.
  CHECK(iam::catalog.find(0, "IAM.0004") == iam::catalog.find("IAM.0004"));
  try {
    (void)iam::make(-404, "IAM.0004");
    FAIL("make accepted status -404");
  } catch (const errcat::usage_error& u) {
    CHECK(std::string_view(u.what()).find("-404") != std::string_view::npos);
  }

  for (const int s : {INT_MIN, -1, INT_MAX}) {
    const errcat::error unknown(s, "X", "m");
    CHECK(unknown.status() == s);
    CHECK(unknown.error_code().value() == s);
    CHECK(unknown.error_code().category() == errcat::http_category());
    CHECK(errcat::http_category().message(s).find(std::to_string(s)) != std::string::npos);
    CHECK(iam::category().message(s) == "unknown iam error " + std::to_string(s));
    CHECK(iam::category().default_error_condition(s).value() == s);
    CHECK(iam::catalog.find_errc_value(s) == nullptr);

    errcat::error known = iam::make("IAM.0004");
    known.set_status(s);
    CHECK(known.status() == s);
    CHECK(known.status_mismatch());
    CHECK(known.error_code() == iam::make_error_code(iam::errc::resource_not_found));
  }
}

TEST_CASE("reverse matching stays linear on megabytes of repeated delimiters", "[hostile]") {
  // "Could not find %(target)s: %(target_id)s." against ": : : ..." without the final ".":
  // every ": " is a place the first value could end, and each try used to search the rest
  // of the message for "." again (quadratic: minutes for 16 MiB).
  const errcat::entry& e = at("IAM.0004");
  auto message_of = [](std::size_t n) {
    std::string m = "Could not find ";
    while (m.size() < n)
      m += ": ";
    return m;
  };
  const std::string small = message_of(1u << 20);
  const std::string big = message_of(16u << 20);
  bool none = true;
  const double t_small = fastest(5, [&] { none &= !errcat::match(e, small).has_value(); });
  const double t_big = fastest(2, [&] { none &= !errcat::match(e, big).has_value(); });
  CHECK(none);
  INFO("1 MiB: " << t_small * 1e3 << " ms, 16 MiB: " << t_big * 1e3 << " ms");
  CHECK(t_big < 64 * t_small + 0.05);
  // With the final "." it fits, and the values are found.
  const auto values = errcat::match(e, small + ".");
  REQUIRE(values.has_value());
  REQUIRE(values->size() == 2);
  CHECK((*values)[0].value.empty());
  CHECK((*values)[1].value.size() == small.size() - 17);
}
