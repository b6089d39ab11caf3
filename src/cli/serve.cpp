// errcat serve: errcat::testing::fake_server as a command, for tests written in any
// language. It answers with one error (--code) or a script (--script), prints
// `listening on http://127.0.0.1:PORT` as its first line, and runs until --count requests
// were answered, or SIGINT/SIGTERM. Only ever listens on 127.0.0.1.
#include <errcat/json.hpp>
#include <errcat/testing/fake_server.hpp>

#include <signal.h>

#include <charconv>
#include <chrono>
#include <ctime>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "commands.hpp"

namespace errcat::cli {

namespace {

struct serve_options {
  std::string listen = "127.0.0.1:0";
  std::string code;
  std::vector<std::string> values;  // NAME=VALUE
  std::string script;
  std::string style = "huawei";
  int status = 0;
  std::vector<std::string> headers;  // "Name: value"
  std::size_t count = 0;
};

// The port of `127.0.0.1:PORT`; nothing for any other host or a bad port.
std::optional<std::uint16_t> loopback_port(std::string_view listen) noexcept {
  constexpr std::string_view host = "127.0.0.1:";
  if (!listen.starts_with(host)) return std::nullopt;
  const std::string_view digits = listen.substr(host.size());
  std::uint16_t port = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size()) {
    return std::nullopt;
  }
  return port;
}

int usage(std::string_view message) {
  std::cerr << "errcat serve: " << printable(message)
            << "\nRun 'errcat serve --help' for more information.\n";
  return exit_usage;
}

// The script the options describe: the file's, or one error step; headers added to every
// step. Throws testing::script_error for a bad script or step.
std::vector<testing::step> script_of(const serve_options& o) {
  std::vector<testing::step> script;
  if (!o.script.empty()) {
    script = testing::load_script(o.script);
  } else {
    testing::step s = testing::error_step(o.code);
    for (const std::string& v : o.values) {
      const std::size_t eq = v.find('=');
      if (eq == std::string::npos || eq == 0) {
        throw testing::script_error({}, "expected NAME=VALUE, not \"" + v + "\"");
      }
      s.values.push_back({v.substr(0, eq), v.substr(eq + 1)});
    }
    s.style = *body_style_named(o.style);
    s.status = o.status;
    script.push_back(std::move(s));
  }
  for (const std::string& h : o.headers) {
    const std::size_t colon = h.find(':');
    if (colon == std::string::npos || colon == 0) {
      throw testing::script_error({}, "expected --header 'Name: value', not \"" + h + "\"");
    }
    std::string_view value = std::string_view(h).substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    for (testing::step& s : script)
      s.headers.push_back({h.substr(0, colon), std::string(value)});
  }
  testing::validate_script(script, o.script);
  return script;
}

// Waits for SIGINT or SIGTERM (blocked in every thread, so only this wait sees them) or
// for the server to stop by itself after --count requests.
void wait_for_end(const testing::fake_server& server, const sigset_t& signals) {
  const timespec tick{0, 50'000'000};  // 50 ms
  for (;;) {
    if (sigtimedwait(&signals, nullptr, &tick) > 0) return;
    if (server.wait_until_stopped(std::chrono::milliseconds(0))) return;
  }
}

int run_serve(const serve_options& o, const terminal& /*t: the output is data*/) {
  const auto port = loopback_port(o.listen);
  if (!port) {
    return usage(
        "--listen must be 127.0.0.1:PORT (the fake server listens on the loopback "
        "interface only), not \"" +
        o.listen + "\"");
  }
  std::vector<testing::step> script;
  try {
    script = script_of(o);
  } catch (const testing::script_error& e) {
    std::cerr << "errcat serve: " << printable(e.what()) << '\n';
    return exit_usage;
  }
  // Blocked before the server's threads start, so they inherit the mask and a signal is
  // only ever taken by wait_for_end.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  testing::fake_server_options options;
  options.port = *port;
  options.max_requests = o.count;
  std::optional<testing::fake_server> server;
  try {
    server.emplace(std::move(script), options);
  } catch (const std::runtime_error& e) {
    std::cerr << "errcat serve: " << e.what() << '\n';
    return exit_not_found;
  }
  std::cout << "listening on " << server->url() << std::endl;  // flushed: callers wait for it
  wait_for_end(*server, signals);
  const std::size_t answered = server->request_count();
  server.reset();
  std::cout << "stopped after " << answered << (answered == 1 ? " request" : " requests")
            << std::endl;
  return exit_ok;
}

}  // namespace

void add_serve_command(CLI::App& app, context& ctx) {
  auto o = std::make_shared<serve_options>();
  CLI::App* cmd = app.add_subcommand("serve", "Answer HTTP requests with documented errors");
  cmd->add_option("--listen", o->listen, "127.0.0.1:PORT (default 127.0.0.1:0, a free port)")
      ->type_name("ADDRESS");
  CLI::Option* code =
      cmd->add_option("--code", o->code, "Answer with this error")->type_name("CODE");
  CLI::Option* values =
      cmd->add_option("NAME=VALUE", o->values, "The error's parameter values")->type_name("");
  CLI::Option* script =
      cmd->add_option("--script", o->script, "Answer by the steps of this JSON file")
          ->type_name("FILE");
  CLI::Option* style =
      cmd->add_option("--style", o->style,
                      "huawei (default), keystone, combined, problem or google")
          ->type_name("STYLE")
          ->check(CLI::IsMember({"huawei", "keystone", "combined", "problem", "google"})
                      .description(""));
  CLI::Option* status = cmd->add_option("--status", o->status, "Send the error with this status")
                            ->type_name("N")
                            ->check(CLI::Range(100, 599).description(""));
  cmd->add_option("-H,--header", o->headers, "Add 'Name: value' to every answer (repeatable)")
      ->type_name("'NAME: VALUE'")
      ->allow_extra_args(false);
  cmd->add_option("--count", o->count, "Stop after answering N requests")->type_name("N");
  code->excludes(script);
  values->needs(code);
  style->needs(code);
  status->needs(code);
  cmd->footer(
      "Prints 'listening on http://127.0.0.1:PORT' first; stops on SIGINT, SIGTERM or --count.\n"
      "Example: errcat serve --code IAM.0012 threshold=10 period_seconds=60 "
      "--header 'Retry-After: 2'");
  cmd->callback([o, &ctx, code, script] {
    ctx.run = [o, has_code = code->count() > 0,
               has_script = script->count() > 0](const terminal& t) {
      if (!has_code && !has_script) return usage("one of --code or --script is required");
      return run_serve(*o, t);
    };
  });
}

}  // namespace errcat::cli
