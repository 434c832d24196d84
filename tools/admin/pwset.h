/* pwset.h — wangan-admin password LOGIN: see pwset.c. */
#ifndef WANGAN_ADMIN_PWSET_H
#define WANGAN_ADMIN_PWSET_H
#include "config.h"

/* Sets LOGIN's password to the first line of stdin; 0, or -1 with the reason on stderr. */
int admin_password(const struct config *cfg, const char *tzoff, const char *login);
#endif
