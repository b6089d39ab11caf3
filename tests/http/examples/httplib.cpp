// cpp-httplib: a server handler answers with an errcat::error, and a client reads one back.
#include <errcat/http/httplib.hpp>
#include <errcat/iam.hpp>

#include <iostream>
#include <thread>

int main() {
  // The server: GET /v3/users/<id> answers IAM.0004, as IAM does, with a request id.
  httplib::Server server;
  server.Get(R"(/v3/users/(\w+))", [](const httplib::Request& req, httplib::Response& res) {
    const errcat::error err =
        errcat::iam::make("IAM.0004", {{"target", "user"}, {"target_id", req.matches[1].str()}})
            .set_request_id("c0ffee0000000000000000000000002a");
    errcat::write_response(res, err);  // status, Content-Type, X-Request-Id, to_body(err)
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  std::thread listener([&] { server.listen_after_bind(); });
  while (!server.is_running())
    std::this_thread::yield();

  // The client: any httplib::Result reads as an errcat::error.
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(10);
  const errcat::error err = errcat::parse_response(client.Get("/v3/users/42"));
  server.stop();
  listener.join();

  std::cout << err.status() << ' ' << err.code() << ": " << err.message() << '\n';
  std::cout << "  target_id = " << err.value_of("target_id").value_or("?") << '\n';
  std::cout << "  request id: " << err.request_id() << '\n';
  return err.code() == "IAM.0004" ? 0 : 1;
}
