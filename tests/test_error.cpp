// errcat::error as a value: what it reads back, its one-block storage, sharing between
// copies, the response facts block and what allocation failure leaves behind. A program of
// its own: it links the tests' counting operator new (support/alloc_hook.hpp).
#include <errcat/apigw.hpp>
#include <errcat/error.hpp>
#include <errcat/iam.hpp>

#include <cstddef>
#include <new>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "catch.hpp"
#include "support/alloc_hook.hpp"

namespace iam = errcat::iam;
using errcat::testing_support::allocation_count;

namespace {

// Allocations `f` makes.
template <class F>
std::size_t allocations_of(F&& f) {
  const std::size_t before = allocation_count();
  f();
  return allocation_count() - before;
}

// True when `inner` lies within the characters of `outer`.
bool views_into(std::string_view inner, std::string_view outer) {
  return inner.data() >= outer.data() && inner.data() + inner.size() <= outer.data() + outer.size();
}

const errcat::entry& iam_0004() {
  return *iam::catalog.find("IAM.0004");
}

}  // namespace

TEST_CASE("an empty error has no entry, no status, no code and the success error_code", "[error]") {
  const errcat::error err;
  CHECK_FALSE(err.known());
  CHECK(err.entry() == nullptr);
  CHECK(err.status() == 0);
  CHECK(err.code().empty());
  CHECK(err.name().empty());
  CHECK(err.message().empty());
  CHECK(err.args().empty());
  CHECK(err.request_id().empty());
  CHECK_FALSE(err.error_code());
  CHECK_FALSE(err.value_of("target").has_value());
}

TEST_CASE("an error made from an entry alone reads the documented data and allocates nothing",
          "[error][alloc]") {
  const errcat::entry& e = iam_0004();
  errcat::error err;
  CHECK(allocations_of([&] { err = errcat::error(e); }) == 0);
  CHECK(err.entry() == &e);
  CHECK(err.status() == 404);
  CHECK(err.code() == "IAM.0004");
  CHECK(err.name() == e.name);
  CHECK(err.message().data() == e.message.data());  // the template itself, not a copy
  CHECK(err.description() == e.description);
  CHECK(err.remediation() == e.remediation);
  CHECK(err.args().empty());
  CHECK(err.error_code() == e.error_code());
}

TEST_CASE("make<> and run-time make hold message and values in one allocation", "[error][alloc]") {
  const std::string user = "user";
  const std::string id = "0123456789abcdef0123456789abcdef";  // longer than any inline buffer
  errcat::error checked;
  errcat::error run_time;
  CHECK(allocations_of([&] { checked = iam::make<"IAM.0004">(user, id); }) == 1);
  CHECK(allocations_of([&] {
          run_time = iam::make("IAM.0004", {{"target", user}, {"target_id", id}});
        }) == 1);
  for (const errcat::error* err : {&checked, &run_time}) {
    CHECK(err->message() == "Could not find user: " + id + ".");
    REQUIRE(err->args().size() == 2);
    CHECK(err->args()[0].name == "target");
    CHECK(err->args()[0].kind == errcat::param_kind::string);
    CHECK(err->args()[0].value == "user");
    CHECK(err->args()[1].name == "target_id");
    CHECK(err->args()[1].value == id);
    CHECK(err->value_of("target_id") == id);
    CHECK_FALSE(err->value_of("nope").has_value());
    // The values are the error's own characters, not the caller's.
    for (const errcat::argument& a : err->args()) {
      CHECK(a.value.data() != user.data());
      CHECK(a.value.data() != id.data());
    }
  }
  CHECK(iam::make<"IAM.0012">(100, -60).value_of("period_seconds") == "-60");
}

TEST_CASE("the constructor from a message and values copies both into the error",
          "[error][alloc]") {
  std::string message = "Could not find user: 42.";
  std::string value = "42";
  const std::vector<errcat::argument> given = {{"target_id", errcat::param_kind::string, value}};
  errcat::error err;
  CHECK(allocations_of([&] { err = errcat::error(iam_0004(), message, given); }) == 1);
  message.assign(message.size(), 'x');
  value.assign(value.size(), 'x');
  CHECK(err.message() == "Could not find user: 42.");
  REQUIRE(err.args().size() == 1);
  CHECK(err.args()[0] == errcat::argument{"target_id", errcat::param_kind::string, "42"});
  CHECK_FALSE(views_into(err.args()[0].value, value));
  // The template with no values needs no block at all.
  errcat::error same;
  CHECK(allocations_of([&] { same = errcat::error(iam_0004(), iam_0004().message, {}); }) == 0);
  CHECK(same.message().data() == iam_0004().message.data());
}

TEST_CASE("an unknown code is held without losing anything", "[error]") {
  const errcat::error err(418, "IAM.9999", "I'm a teapot: 'x'.");
  CHECK_FALSE(err.known());
  CHECK(err.entry() == nullptr);
  CHECK(err.status() == 418);
  CHECK(err.code() == "IAM.9999");
  CHECK(err.message() == "I'm a teapot: 'x'.");
  CHECK(err.description().empty());
  CHECK(err.args().empty());
  CHECK(err.error_code() == std::error_code(418, errcat::http_category()));
}

TEST_CASE("errors copy cheaply, compare by status and code, and keep setters to themselves",
          "[error]") {
  errcat::error a = iam::make("IAM.0004", {{"target", "user"}, {"target_id", "1"}});
  errcat::error b;
  CHECK(allocations_of([&] { b = a; }) == 0);
  CHECK(a == b);
  CHECK(b.message().data() == a.message().data());  // shared, not copied
  CHECK(b.args().data() == a.args().data());
  b.set_request_id("req-1");
  CHECK(a.request_id().empty());
  CHECK(b.request_id() == "req-1");
  CHECK(b.message().data() == a.message().data());  // the message block stays shared
  CHECK_FALSE(a == iam::make("IAM.0001"));
  CHECK_FALSE(a == errcat::error(a).set_status(500));
  const errcat::error moved = std::move(b);
  CHECK(moved.request_id() == "req-1");
  CHECK(errcat::error() == errcat::error());
}

TEST_CASE("copies, moves and assignments share, release and unshare the data correctly",
          "[error]") {
  // Under the sanitizer builds a lost or doubly released reference fails this test.
  errcat::error a = iam::make("IAM.0004", {{"target", "user"}, {"target_id", "1"}});
  const char* const shared = a.message().data();
  errcat::error b;
  b = a;  // copy-assign over an empty error
  CHECK(b.message().data() == shared);
  errcat::error c = iam::make("IAM.0012", {{"threshold", 1}, {"period_seconds", 2}});
  c = b;  // copy-assign over an error holding other data, which is released
  CHECK(c.message().data() == shared);
  const errcat::error& same = c;
  c = same;  // self-assignment keeps the data
  CHECK(c.message().data() == shared);
  c = std::move(b);  // move-assign: c takes b's reference and releases its own
  CHECK(c.message().data() == shared);
  // The sole holder of the response facts writes them in place; a holder that shares
  // them writes to its own copy.
  errcat::error only = iam::make("IAM.0004", {{"target", "user"}, {"target_id", "2"}});
  only.set_request_id("r1");
  const char* const own_id = only.request_id().data();
  only.set_request_id("r2");
  CHECK(only.request_id().data() == own_id);
  errcat::error shares = only;
  shares.set_request_id("r3");
  CHECK(only.request_id() == "r2");
  CHECK(shares.request_id() == "r3");
  CHECK(shares.message().data() == only.message().data());
  // An error without data gets some on its first write.
  errcat::error empty(*iam::catalog.find("IAM.0001"));
  empty.set_raw_body("{}");
  CHECK(empty.raw_body() == "{}");
}

TEST_CASE("each setter changes one fact and allocates only the response facts", "[error][alloc]") {
  errcat::error err = iam::make<"IAM.0004">("user", 42);
  CHECK(allocations_of([&] { err.set_request_id("r-1"); }) == 1);
  CHECK(allocations_of([&] { err.set_encoded_authorization_message("enc"); }) == 0);
  err.set_raw_body("<html>").set_status(502);
  CHECK(err.request_id() == "r-1");
  CHECK(err.encoded_authorization_message() == "enc");
  CHECK(err.raw_body() == "<html>");
  CHECK(err.status() == 502);
  CHECK(err.status_mismatch());
  CHECK(err.message() == "Could not find user: 42.");
  CHECK(allocations_of([&] { err.set_code("IAM.0004"); }) == 0);  // already so spelled
  err.set_code("iam.0004");
  CHECK(err.code() == "iam.0004");
  CHECK(err.entry() == &iam_0004());
  CHECK_FALSE(err == iam::make<"IAM.0004">("user", 42));
}

TEST_CASE("a setter whose allocation fails leaves the error as it was", "[error][alloc]") {
  const errcat::error original = iam::make<"IAM.0004">("user", 42).set_request_id("r1");
  errcat::error copy = original;  // shares the facts, so a setter must copy them first
  errcat::testing_support::fail_allocations(1, true);
  bool threw = false;
  try {
    copy.set_request_id(std::string(100, 'x'));
  } catch (const std::bad_alloc&) {
    threw = true;
  }
  errcat::testing_support::stop_failing_allocations();
  CHECK(threw);
  CHECK(copy.request_id() == "r1");
  CHECK(original.request_id() == "r1");
  CHECK(copy.message() == original.message());
}

TEST_CASE("a failed allocation while making an error throws bad_alloc and leaks nothing",
          "[error][alloc]") {
  errcat::testing_support::fail_allocations(1, false);
  CHECK_THROWS_AS(iam::make<"IAM.0004">("user", 42), std::bad_alloc);
  errcat::testing_support::stop_failing_allocations();
  CHECK(iam::make<"IAM.0004">("user", 42).message() == "Could not find user: 42.");
}

TEST_CASE("the gateway spelling of a code lives beside the shared message", "[error]") {
  const errcat::error err = errcat::apigw::make("APIGW.0301");
  const errcat::error copy = err;
  CHECK(copy.code() == "APIGW.0301");
  CHECK(copy.entry() == errcat::apigw::catalog.find("APIG.0301"));
}
