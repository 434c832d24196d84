/* nav.c — the navigation element of the page XML; see nav.h. */
#include <stdio.h>
#include "nav.h"
#include "setting.h"

xmlNodePtr
nav_page(xmlNodePtr parent, const struct config *cfg)
{
	char href[CONFIG_MODULE_NAME + 2];
	xmlNodePtr nav = xmlNewChild(parent, NULL, BAD_CAST "nav", NULL);
	/* the office's choice of modules when it made one (setting.h), else the config's */
	size_t nmods;
	const char *const *mods = setting_modules(cfg, &nmods);

	for (size_t i = 0; nav != NULL && i < nmods; i++) {
		/* config.c bounds the name; a longer one would not be a module */
		int n = snprintf(href, sizeof(href), "/%s/", mods[i]);
		if (n < 0 || (size_t)n >= sizeof(href))
			continue;
		xmlNodePtr it = xmlNewChild(nav, NULL, BAD_CAST "item", NULL);
		if (it == NULL)
			continue;
		xmlNewProp(it, BAD_CAST "module", BAD_CAST mods[i]);
		xmlNewProp(it, BAD_CAST "href", BAD_CAST href);
	}
	return nav;
}
