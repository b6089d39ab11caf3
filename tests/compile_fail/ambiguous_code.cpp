// Must not compile: APIG.0101 is documented twice (api_not_found, api_method_not_found).
#include <errcat/apigw.hpp>

namespace apigw = errcat::apigw;

int main() {
  const errcat::error err = apigw::make<"APIG.0101">();
  return err.known() ? 0 : 1;
}
