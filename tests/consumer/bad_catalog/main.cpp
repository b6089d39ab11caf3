// Never compiled: the catalog it includes cannot be generated from bad.json.
#include <errors.hpp>

int main() {
  return bad::errors::catalog.size() == 2 ? 0 : 1;
}
