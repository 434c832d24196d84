/*
 * admin.h — the wangan-admin commands that live in their own files
 * (main.c holds the loaders and the core demo data).  Each opens its own
 * connection with its own statement table.
 */
#ifndef WANGAN_ADMIN_H
#define WANGAN_ADMIN_H
#include "config.h"

/* Synthetic incidents, threat notices and an important period (incidents.c); 0 or -1. */
int demo_incidents(const struct config *cfg);
#endif
