#!/bin/sh
# a role's own figures, as a proxy would report its request rate
echo "{\"requestsPerSecond\": 3.5, \"bad key\": 1, \"note\": \"text\"}"
