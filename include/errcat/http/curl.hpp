// errcat with libcurl: `curl_response` collects the status line, headers and body of an
// easy handle's transfer through callbacks it installs, and `parse_response` reads them as
// an errcat::error. Link errcat::curl.
//
//   CURL* h = curl_easy_init();
//   curl_easy_setopt(h, CURLOPT_URL, "http://127.0.0.1:8080/v3/users/42");
//   errcat::curl_response response(h);
//   curl_easy_perform(h);  // or response.perform(), which keeps the result
//   errcat::error err = errcat::parse_response(response);
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <curl/curl.h>

#include "errcat/error.hpp"
#include "errcat/json.hpp"

namespace errcat {

/// The response of a libcurl easy handle's transfer: the constructor installs a header
/// and a write callback on the handle (replacing any the caller set), the destructor puts
/// libcurl's defaults back. Each response of the transfer (an interim `100 Continue`, a
/// followed redirect) starts the collection afresh, so the last one is kept; the handle
/// can be performed again with the same `curl_response`. Not copyable or movable: the
/// handle points at it. Use it from one thread at a time, as the handle.
class curl_response {
 public:
  /// The most body bytes kept by default; a longer body fails the transfer
  /// (`CURLE_WRITE_ERROR`) rather than exhaust memory.
  static constexpr std::size_t default_max_body = std::size_t(16) << 20;

  /// Installs the callbacks on `handle`, which must outlive this object.
  explicit curl_response(CURL* handle, std::size_t max_body = default_max_body) noexcept
      : handle_(handle), max_body_(max_body) {
    curl_easy_setopt(handle_, CURLOPT_HEADERFUNCTION, &curl_response::on_header);
    curl_easy_setopt(handle_, CURLOPT_HEADERDATA, this);
    curl_easy_setopt(handle_, CURLOPT_WRITEFUNCTION, &curl_response::on_body);
    curl_easy_setopt(handle_, CURLOPT_WRITEDATA, this);
  }
  curl_response(const curl_response&) = delete;
  curl_response& operator=(const curl_response&) = delete;
  /// Puts libcurl's default callbacks back on the handle.
  ~curl_response() {
    curl_easy_setopt(handle_, CURLOPT_HEADERFUNCTION, nullptr);
    curl_easy_setopt(handle_, CURLOPT_HEADERDATA, nullptr);
    curl_easy_setopt(handle_, CURLOPT_WRITEFUNCTION, nullptr);
    curl_easy_setopt(handle_, CURLOPT_WRITEDATA, nullptr);
  }

  /// `curl_easy_perform` on the handle, keeping its result for `parse_response`.
  CURLcode perform() noexcept {
    result_ = curl_easy_perform(handle_);
    return result_;
  }
  /// What `perform()` returned (`CURLE_OK` before it is called).
  CURLcode result() const noexcept { return result_; }

  /// The HTTP status of the last response (`CURLINFO_RESPONSE_CODE`), 0 before one.
  int status() const noexcept {
    long code = 0;
    if (curl_easy_getinfo(handle_, CURLINFO_RESPONSE_CODE, &code) != CURLE_OK) return 0;
    return static_cast<int>(code);
  }
  /// The last response's headers as views into this object (valid until the next
  /// transfer), in the order received. Allocates the vector only.
  std::vector<http_header> headers() const {
    std::vector<http_header> out;
    out.reserve(fields_.size());
    const std::string_view raw = raw_headers_;
    for (const field& f : fields_)
      out.push_back({raw.substr(f.name, f.name_size), raw.substr(f.value, f.value_size)});
    return out;
  }
  /// The last response's body.
  std::string_view body() const noexcept { return body_; }

 private:
  struct field {  // offsets into raw_headers_
    std::size_t name, name_size, value, value_size;
  };

  static std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
      s.remove_prefix(1);
    while (!s.empty() &&
           (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
      s.remove_suffix(1);
    return s;
  }

  // libcurl calls this once per complete header line, status line and blank line included.
  void add_line(std::string_view line) {
    if (line.starts_with("HTTP/")) {  // a new response: forget the previous one's
      raw_headers_.clear();
      fields_.clear();
      body_.clear();
      return;
    }
    if ((line.front() == ' ' || line.front() == '\t') && !fields_.empty() &&
        fields_.back().value + fields_.back().value_size == raw_headers_.size()) {
      // An obsolete folded continuation: joined to the value it continues, which ends
      // raw_headers_.
      const std::string_view more = trim(line);
      if (more.empty()) return;
      raw_headers_ += ' ';
      raw_headers_.append(more);
      fields_.back().value_size += 1 + more.size();
      return;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return;  // the blank line ending the headers
    const std::string_view name = trim(line.substr(0, colon));
    const std::string_view value = trim(line.substr(colon + 1));
    field f{raw_headers_.size(), name.size(), 0, value.size()};
    raw_headers_.append(name);
    f.value = raw_headers_.size();
    raw_headers_.append(value);
    fields_.push_back(f);
  }

  static std::size_t on_header(char* data, std::size_t size, std::size_t count,
                               void* self) noexcept {
    const std::size_t n = size * count;
    if (n == 0) return 0;
    try {
      static_cast<curl_response*>(self)->add_line(std::string_view(data, n));
    } catch (...) {  // std::bad_alloc: fail the transfer rather than lose headers silently
      return 0;
    }
    return n;
  }

  static std::size_t on_body(char* data, std::size_t size, std::size_t count, void* self) noexcept {
    auto& r = *static_cast<curl_response*>(self);
    const std::size_t n = size * count;
    if (n > r.max_body_ - r.body_.size()) return 0;  // too long: CURLE_WRITE_ERROR
    try {
      r.body_.append(data, n);
    } catch (...) {
      return 0;
    }
    return n;
  }

  CURL* handle_;
  std::size_t max_body_;
  CURLcode result_ = CURLE_OK;
  std::string raw_headers_;  // names and values back to back, for views
  std::vector<field> fields_;
  std::string body_;
};

/// Reads the response `r` collected: status, headers and body through `parse_response`.
/// When `r.perform()` failed, an error with status 0, no code and the message
/// `request failed: <libcurl's reason>`. May throw std::bad_alloc.
inline error parse_response(const curl_response& r, const parse_options& options = {}) {
  if (r.result() != CURLE_OK) {
    return error(0, {}, std::string("request failed: ") + curl_easy_strerror(r.result()));
  }
  const std::vector<http_header> headers = r.headers();
  return parse_response(r.status(), r.body(), headers, options);
}

}  // namespace errcat
