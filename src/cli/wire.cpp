// How an errcat::error read from the wire is shown, as text and as JSON: shared by the
// commands that read responses (parse).
#include <errcat/http_status.hpp>

#include <iostream>
#include <string>

#include "cli.hpp"

namespace errcat::cli {

nlohmann::ordered_json error_json(const error& err, bool with_entry) {
  nlohmann::ordered_json args = nlohmann::ordered_json::array();
  for (const argument& a : err.args()) {
    args.push_back({{"name", a.name}, {"kind", kind_name(a.kind)}, {"value", a.value}});
  }
  nlohmann::ordered_json ids = nlohmann::ordered_json::array();
  for (const received_request_id& r : err.request_ids()) {
    ids.push_back({{"source", to_string(r.source)}, {"id", r.id}});
  }
  const retry_advice retry = err.retry();
  const entry* e = err.entry();
  const auto or_null = [](auto v, bool present) {
    return present ? nlohmann::ordered_json(v) : nlohmann::ordered_json(nullptr);
  };
  nlohmann::ordered_json j = {
      {"known", err.known()},
      // 0 is "not known": a bare body read without --status, or a salvaged one.
      {"status", or_null(err.status(), err.status() != 0)},
      {"reason", or_null(reason_phrase(err.status()), err.status() != 0)},
      {"code", err.code()},
      {"name", err.name()},
      {"message", err.message()},
      {"args", std::move(args)},
      {"request_id", err.request_id()},
      {"encoded_authorization_message", err.encoded_authorization_message()},
      {"status_mismatch", err.status_mismatch()},
      {"raw_body", err.raw_body()},
      {"match", to_string(err.match())},
      {"code_on_wire", or_null(err.code_on_wire(), !err.code_on_wire().empty())},
      {"request_ids", std::move(ids)},
      {"retry",
       {{"advice", to_string(retry.advice)},
        {"after_seconds",
         or_null(retry.after_seconds.value_or(0), retry.after_seconds.has_value())}}}};
  if (with_entry) j["entry"] = e != nullptr ? entry_json(*e) : nlohmann::ordered_json(nullptr);
  return j;
}

void write_error(std::ostream& out, const terminal& t, const error& err) {
  write_heading(out, t, err.status(), printable(err.code()),
                err.known() ? err.name() : std::string_view("(unknown code)"));
  if (!err.message().empty()) write_field(out, t, "Message", printable(err.message()));
  if (!err.args().empty()) {
    std::string list;
    for (const argument& a : err.args()) {
      if (!list.empty()) list += ", ";
      list += std::string(a.name) + " = " + printable(a.value);
    }
    write_field(out, t, "Parameters", list);
  }
  if (err.request_ids().size() > 1) {
    std::string list;
    for (const received_request_id& r : err.request_ids()) {
      if (!list.empty()) list += ", ";
      list += printable(r.id) + " (" + std::string(to_string(r.source)) + ")";
    }
    write_field(out, t, "Request ids", list);
  } else if (!err.request_id().empty()) {
    write_field(out, t, "Request id", printable(err.request_id()));
  }
  if (err.match() == match_kind::tolerant) {
    write_field(out, t, "Match", "tolerant: the message differs slightly from the template");
  } else if (err.match() == match_kind::salvaged) {
    write_field(out, t, "Match", "salvaged from a body that is not valid JSON");
  }
  if (const retry_advice r = err.retry(); r.advice != retry_class::never) {
    std::string advice = r.advice == retry_class::throttled ? "throttled: retry more slowly"
                                                            : "backoff: a later try may succeed";
    if (r.after_seconds) advice += ", after " + std::to_string(*r.after_seconds) + " s";
    write_field(out, t, "Retry", advice);
  }
  if (!err.encoded_authorization_message().empty()) {
    write_field(out, t, "Auth message", printable(err.encoded_authorization_message()));
  }
  if (err.status_mismatch()) {
    const int documented = err.entry()->status;
    write_field(out, t, "Status",
                t.paint(style::yellow, "received " + std::to_string(err.status()) +
                                           ", but documented under " + std::to_string(documented) +
                                           " " + std::string(reason_phrase(documented))));
  }
  if (!err.raw_body().empty()) {
    // A few lines of it say what it is (an HTML page, binary data); all of it is in --format json.
    constexpr std::size_t shown_lines = 4;
    const std::string body = printable(err.raw_body());
    write_field(out, t, "Body", truncate(body, shown_lines * (t.width > 35 ? t.width - 15 : 20)));
  }
  if (err.known()) write_entry_footer(out, t, *err.entry());
}

}  // namespace errcat::cli
