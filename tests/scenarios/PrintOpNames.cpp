// Prints scenarioOpNames() as a JSON array, for tests/scenarios/validate_schema.py, which checks
// that scenarios/schema.json lists exactly the parser's operations.
#include <iostream>

#include <nlohmann/json.hpp>

#include "pfviz/ScenarioIo.h"

int main() {
    std::cout << nlohmann::json(pfviz::scenarioOpNames()).dump() << '\n';
    return 0;
}
