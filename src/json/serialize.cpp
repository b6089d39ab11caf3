// Writing error bodies in every style: each is written from its definition in the shape
// table (shapes.cpp).
#include <string>

#include "errcat/json.hpp"
#include "shapes.hpp"

namespace errcat {

nlohmann::json to_json(const error& err, body_style style, const body_options& options) {
  return detail::write_shape(detail::shape_of(style), err, options);
}

std::string to_body(const error& err, body_style style, const body_options& options) {
  return to_json(err, style, options)
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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
