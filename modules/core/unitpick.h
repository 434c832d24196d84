/*
 * unitpick.h — the units a unit picker offers (listtools.xsl's
 * lt-unit-picker): instead of a unit code typed from memory, an
 * <input list> whose <datalist> holds every active unit, name and code
 * shown, which the browser narrows as one types — plain HTML, no script.
 * The server checks the value that comes back as it always did.
 *
 * The list is read per page that shows a picker (the office's filter and
 * register forms, not the everyday list pages of a unit), by code along
 * unit_active_code, at most UP_MAX units: a school has a few hundred; past
 * that the picker offers the first UP_MAX and a typed code still works.
 */
#ifndef WANGAN_UNITPICK_H
#define WANGAN_UNITPICK_H
#include <libxml/tree.h>
#include "db.h"

#define UP_MAX 1000

struct ctx;
/* Appends <units-pick><u id code name/>…</units-pick> to parent (name in the page's language). */
enum db_rc up_node(struct ctx *c, xmlNodePtr parent);
#endif
