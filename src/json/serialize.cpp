// Writing error bodies in the three styles.
#include <string>
#include <string_view>

#include "errcat/http_status.hpp"
#include "errcat/json.hpp"
#include "utf8.hpp"

namespace errcat {
namespace {

// nlohmann stores strings as given and throws on invalid UTF-8 only when dumping; repair
// them here so every later dump() of the value succeeds.
nlohmann::json text(std::string_view s) {
  if (json_detail::valid_utf8(s)) return std::string(s);
  return json_detail::replace_invalid_utf8(s);
}

void huawei_fields(nlohmann::json& j, const error& err) {
  j["error_code"] = text(err.code());
  j["error_msg"] = text(err.message());
  if (!err.request_id().empty()) j["request_id"] = text(err.request_id());
  if (!err.encoded_authorization_message().empty())
    j["encoded_authorization_message"] = text(err.encoded_authorization_message());
}

nlohmann::json keystone_object(const error& err) {
  nlohmann::json e = nlohmann::json::object();
  e["code"] = err.status();
  e["message"] = text(err.message());
  e["title"] = std::string(reason_phrase(err.status()));
  return e;
}

}  // namespace

nlohmann::json to_json(const error& err, body_style style) {
  nlohmann::json j = nlohmann::json::object();
  switch (style) {
    case body_style::huawei:
      huawei_fields(j, err);
      break;
    case body_style::keystone:
      j["error"] = keystone_object(err);
      break;
    case body_style::combined:
      huawei_fields(j, err);
      j["error"] = keystone_object(err);
      break;
  }
  return j;
}

std::string to_body(const error& err, body_style style) {
  return to_json(err, style).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void to_json(nlohmann::json& j, const error& err) {
  j = to_json(err, body_style::huawei);
}

void from_json(const nlohmann::json& j, error& err) {
  if (!j.is_object()) {
    throw nlohmann::json::type_error::create(
        302, "errcat: an error body must be a JSON object, not " + std::string(j.type_name()), &j);
  }
  err = parse_response(0, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace errcat
