// Uses the installed json component: reads an IAM error body, and writes one back.
#include <cstdio>
#include <string>

#include <errcat/json.hpp>
#include <nlohmann/json.hpp>

int main() {
  const errcat::error err = errcat::parse_response(
      404, R"({"error_msg": "Could not find user: 42.", "error_code": "IAM.0004"})");
  if (err.code() != "IAM.0004" || err.entry() == nullptr) {
    std::fprintf(stderr, "FAILED: the body was not read as IAM.0004\n");
    return 1;
  }
  const nlohmann::json body = nlohmann::json::parse(errcat::to_body(err));
  if (body.value("error_code", "") != "IAM.0004") {
    std::fprintf(stderr, "FAILED: the written body has no error_code IAM.0004: %s\n",
                 body.dump().c_str());
    return 1;
  }
  std::printf("json consumer: %s\n", body.dump().c_str());
  return 0;
}
