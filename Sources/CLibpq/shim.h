// libpq, PostgreSQL's own client library, for the central database (Debian libpq-dev).
#include <postgresql/libpq-fe.h>
