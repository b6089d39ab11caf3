// errcat::testing::fake_server: a real HTTP server on 127.0.0.1 that answers by a script
// of documented errors and plain responses, and records what it received, so a client's
// error handling is tested against responses like the real service's. Built on
// cpp-httplib (which this header does not include); link errcat::testing.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "errcat/json.hpp"
#include "errcat/testing/fixtures.hpp"

namespace errcat::testing {

/// A parameter value of a scripted error, as text (integers in decimal).
struct step_value {
  std::string name;   ///< The parameter's name, as in the entry (`target_id`).
  std::string value;  ///< Its value (`42`); an integer parameter needs a decimal integer.
};

/// One answer of a fake server's script.
///
/// An error step answers with the error the bundled catalogs document as `code`, filled
/// with `values`, in `style`, with `X-Request-Id` (and the body's `request_id`) set to
/// `request_id` or, when that is empty, a fresh 32-hex-digit id per request. A plain step
/// answers with `status`, `content_type` and `body` as given. Both add `headers` last (a
/// header named like one the server sets replaces it) and wait `delay` before answering.
struct step {
  /// Which kind of answer a step is.
  enum class kind : std::uint8_t {
    error,  ///< A documented error.
    plain,  ///< A response given as bytes (success, or a proxy's HTML page).
  };
  kind what = kind::error;                        ///< Error or plain.
  std::string code;                               ///< Error: the code (`IAM.0012`).
  std::vector<step_value> values;                 ///< Error: parameter values.
  int status = 0;                                 ///< Error: overrides the documented
                                                  ///< status (0: keep); plain: the status.
  body_style style = body_style::huawei;          ///< Error: the body's shape.
  std::string request_id;                         ///< Error: the request id (empty: fresh).
  std::string content_type = "application/json";  ///< Plain: the `Content-Type`.
  std::string body;                               ///< Plain: the body bytes.
  std::vector<header> headers;                    ///< Extra headers (`Retry-After: 2`).
  std::chrono::milliseconds delay{0};             ///< How long to wait before answering.
};

/// An error step for `code` with `values` (the rest as defaults; set members to change).
inline step error_step(std::string code, std::vector<step_value> values = {}) {
  step s;
  s.code = std::move(code);
  s.values = std::move(values);
  return s;
}

/// A plain step: `status` with `body` of `content_type`.
inline step plain_step(int status, std::string body,
                       std::string content_type = "application/json") {
  step s;
  s.what = step::kind::plain;
  s.status = status;
  s.body = std::move(body);
  s.content_type = std::move(content_type);
  return s;
}

/// Why a script cannot be run: the step (0-based) and the reason, plus the file for a
/// script read from one. `what()` reads `FILE: step N: REASON`.
class script_error : public std::invalid_argument {
 public:
  /// A bad step `index` of a script read from `file` (empty: not from a file).
  script_error(std::string file, std::size_t index, std::string reason);
  /// A script that is bad as a whole (not valid JSON, no steps), read from `file`.
  script_error(std::string file, std::string reason);

  const std::string& file() const noexcept { return file_; }      ///< The file, or empty.
  std::size_t index() const noexcept { return index_; }           ///< The bad step.
  bool has_index() const noexcept { return has_index_; }          ///< Whether one step is bad.
  const std::string& reason() const noexcept { return reason_; }  ///< What is wrong.

 private:
  std::string file_;
  std::size_t index_ = 0;
  bool has_index_ = false;
  std::string reason_;
};

/// Checks every step against the bundled catalogs: the code is documented, each value
/// names a parameter of the entry (once), integer parameters get integers, statuses are
/// 100-599, header names are tokens and values hold no line breaks. Throws `script_error`
/// naming the first bad step. O(total size of the script).
void validate_script(const std::vector<step>& script, const std::string& file = {});

/// Reads a script from JSON text: an array of steps, or an object with a `steps` array.
/// A step with `code` is an error step (`values`: object of NAME: VALUE, `status`,
/// `style`: "huawei"|"keystone"|"combined", `request_id`, `headers`: object,
/// `delay_ms`); a step without one is plain (`status` required, `body`, `content_type`,
/// `headers`, `delay_ms`). Unknown members are refused. Validates the result. Throws
/// `script_error` naming `file`, the step and the reason.
std::vector<step> parse_script(std::string_view json_text, const std::string& file = {});

/// `parse_script` of the contents of `path`; a file that cannot be read is a
/// `script_error` too.
std::vector<step> load_script(const std::string& path);

/// A request the fake server received.
struct received_request {
  std::string method;           ///< `GET`, `POST`, ...
  std::string path;             ///< The path, without the query.
  std::vector<header> headers;  ///< Every request header, as received.
  std::string body;             ///< The request body.

  /// The value of header `name` (any case), or empty.
  std::string_view header_value(std::string_view name) const noexcept;
};

/// How a fake server runs.
struct fake_server_options {
  /// The port to listen on, on 127.0.0.1 only (0: a free port the system picks).
  std::uint16_t port = 0;
  /// Stop after answering this many requests (0: never).
  std::size_t max_requests = 0;
};

/// An HTTP/1.1 server on 127.0.0.1 that answers the n-th request with the script's n-th
/// step (the last step again after the last), and records every request. Listening
/// starts in the constructor, in threads of its own; the destructor stops and joins them.
/// Every member function is safe to call from any thread.
class fake_server {
 public:
  /// Validates `script` and starts listening. Throws `script_error` for a bad script (or
  /// an empty one), `std::runtime_error` when it cannot listen.
  explicit fake_server(std::vector<step> script, fake_server_options options = {});
  fake_server(const fake_server&) = delete;
  fake_server& operator=(const fake_server&) = delete;
  /// Stops listening and waits for the answers in progress.
  ~fake_server();

  /// The port it listens on.
  std::uint16_t port() const noexcept;
  /// `http://127.0.0.1:PORT`.
  std::string url() const;
  /// Copies of the requests received so far, in the order their steps were chosen.
  std::vector<received_request> requests() const;
  /// How many requests it has answered (or is answering).
  std::size_t request_count() const noexcept;
  /// Stops listening; answers in progress finish. Idempotent.
  void stop() noexcept;
  /// Waits until it has stopped (by `stop()` or after `max_requests`), at most `timeout`;
  /// true when it has.
  bool wait_until_stopped(std::chrono::milliseconds timeout) const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace errcat::testing
