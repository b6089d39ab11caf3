// errcat::testing::fake_server on cpp-httplib: a listener thread runs the server, a
// stopper thread ends it on stop() or after max_requests answers, and one mutex guards
// the record and the counters.
#include <errcat/http/httplib.hpp>
#include <errcat/testing/fake_server.hpp>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <httplib.h>

#include "script.hpp"

namespace errcat::testing {

namespace {

bool same_name(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// 32 hex digits, as IAM's request ids: the port and the request's number, so ids differ
// between requests and between servers running at once.
std::string fresh_request_id(std::uint16_t port, std::size_t n) {
  char buf[33];
  std::snprintf(buf, sizeof buf, "%08x%024llx", static_cast<unsigned>(port) * 2654435761u,
                static_cast<unsigned long long>(n) + 1);
  return buf;
}

}  // namespace

std::string_view received_request::header_value(std::string_view name) const noexcept {
  for (const header& h : headers) {
    if (same_name(h.name, name)) return h.value;
  }
  return {};
}

struct fake_server::impl {
  std::vector<step> script;
  std::vector<error> errors;  // per step, the error it answers with (error steps)
  fake_server_options options;
  httplib::Server server;
  std::uint16_t port = 0;

  mutable std::mutex mutex;
  mutable std::condition_variable changed;
  std::vector<received_request> received;
  std::size_t answered = 0;  // responses written (httplib's logger runs after the write)
  bool stop_requested = false;
  bool stopped = false;

  std::thread listener;
  std::thread stopper;

  void answer(const httplib::Request& req, httplib::Response& res);
  void write_error(std::size_t n, const step& s, const error& prepared, httplib::Response& res);
  void run_stopper();
};

void fake_server::impl::answer(const httplib::Request& req, httplib::Response& res) {
  received_request r;
  r.method = req.method;
  r.path = req.path;
  r.body = req.body;
  r.headers.reserve(req.headers.size());
  for (const auto& [name, value] : req.headers)
    r.headers.push_back({name, value});
  std::size_t n = 0;
  {
    const std::lock_guard<std::mutex> lock(mutex);
    n = received.size();
    received.push_back(std::move(r));
  }
  const std::size_t index = std::min(n, script.size() - 1);
  const step& s = script[index];
  if (s.delay.count() > 0) std::this_thread::sleep_for(s.delay);
  if (s.what == step::kind::plain) {
    res.status = s.status;
    res.set_content(s.body, s.content_type.c_str());
  } else {
    write_error(n, s, errors[index], res);
  }
  for (const header& h : s.headers) {
    res.headers.erase(h.name);  // httplib::Headers compares names in any case
    res.headers.emplace(h.name, h.value);
  }
  if (options.max_requests != 0 && n + 1 >= options.max_requests) {
    res.set_header("Connection", "close");
  }
}

void fake_server::impl::write_error(std::size_t n, const step& s, const error& prepared,
                                    httplib::Response& res) {
  error err = prepared;
  err.set_request_id(s.request_id.empty() ? fresh_request_id(port, n) : s.request_id);
  const std::string base_url = "http://127.0.0.1:" + std::to_string(port);
  response_options ro;
  ro.style = s.style;
  ro.keystone_uri = base_url;
  // A scripted Retry-After is also the advice a google-style body carries as RetryInfo.
  ro.retry.advice = err.retry().advice;
  for (const header& h : s.headers) {
    if (same_name(h.name, "Retry-After")) ro.retry.after_seconds = retry_after_seconds(h.value, 0);
  }
  write_response(res, err, ro);
}

void fake_server::impl::run_stopper() {
  {
    std::unique_lock<std::mutex> lock(mutex);
    changed.wait(lock, [this] {
      return stop_requested || stopped ||
             (options.max_requests != 0 && answered >= options.max_requests);
    });
  }
  server.stop();
}

fake_server::fake_server(std::vector<step> script, fake_server_options options)
    : impl_(std::make_unique<impl>()) {
  validate_script(script);
  impl& m = *impl_;
  m.script = std::move(script);
  m.options = options;
  m.errors.resize(m.script.size());
  for (std::size_t i = 0; i < m.script.size(); ++i) {
    if (m.script[i].what == step::kind::error)
      m.errors[i] = detail::make_step_error(m.script[i], {}, i);
  }
  const httplib::Server::Handler handler = [&m](const httplib::Request& req,
                                                httplib::Response& res) { m.answer(req, res); };
  constexpr const char* any = ".*";
  m.server.Get(any, handler).Post(any, handler).Put(any, handler);
  m.server.Patch(any, handler).Delete(any, handler).Options(any, handler);
  // An idle kept-alive connection holds a worker at most this long after stop().
  m.server.set_keep_alive_timeout(1);
  m.server.set_logger([&m](const httplib::Request&, const httplib::Response&) {
    const std::lock_guard<std::mutex> lock(m.mutex);
    ++m.answered;
    m.changed.notify_all();
  });
  const bool bound = options.port == 0 ? (m.port = static_cast<std::uint16_t>(std::max(
                                              0, m.server.bind_to_any_port("127.0.0.1")))) != 0
                                       : m.server.bind_to_port("127.0.0.1", options.port);
  if (!bound) {
    throw std::runtime_error("errcat::testing::fake_server: cannot listen on 127.0.0.1:" +
                             std::to_string(options.port));
  }
  if (options.port != 0) m.port = options.port;
  m.listener = std::thread([&m] {
    m.server.listen_after_bind();
    const std::lock_guard<std::mutex> lock(m.mutex);
    m.stopped = true;
    m.changed.notify_all();
  });
  // stop() only works once the server runs; the socket already accepts connections.
  for (int i = 0; i < 5000 && !m.server.is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  m.stopper = std::thread([&m] { m.run_stopper(); });
}

fake_server::~fake_server() {
  stop();
  impl_->stopper.join();
  impl_->listener.join();
}

std::uint16_t fake_server::port() const noexcept {
  return impl_->port;
}

std::string fake_server::url() const {
  return "http://127.0.0.1:" + std::to_string(impl_->port);
}

std::vector<received_request> fake_server::requests() const {
  const std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->received;
}

std::size_t fake_server::request_count() const noexcept {
  const std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->received.size();
}

void fake_server::stop() noexcept {
  const std::lock_guard<std::mutex> lock(impl_->mutex);
  impl_->stop_requested = true;
  impl_->changed.notify_all();
}

bool fake_server::wait_until_stopped(std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(impl_->mutex);
  return impl_->changed.wait_for(lock, timeout, [this] { return impl_->stopped; });
}

}  // namespace errcat::testing
