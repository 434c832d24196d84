/*
 * taxonomy.c — the closed sets of an incident: the categories of both
 * taxonomy versions, the harms, the levels.
 *
 * GB/Z 20986-2007, as the seed's report sheet lists them (seven):
 * harmful program, network attack, information destruction, information
 * content, equipment fault, disaster, other.  GB/T 20986-2023 (in force
 * since 2023-12-01) replaced it with ten top-level categories: malicious
 * program, network attack, data security, information content, equipment
 * and facility fault, violation of rules, security hidden danger, abnormal
 * behaviour, force majeure, other.  The codes here are the platform's own
 * (the standard's appendix B code list goes down to subcategories, which
 * the sheet does not ask for); every incident keeps the version it was
 * filed under next to its category.
 */
#include <string.h>
#include "incidents.h"

const char *const inc_tax_code[INC_TAX__MAX] = { "gbz2007", "gbt2023" };
const char *const inc_harm_code[INC_HARM__MAX] = { "outage", "paralysis", "destroyed", "leaked", "other" };
const char *const inc_level_choices[] = { "1", "2", "3", "4", NULL };

static const char *const gbz2007[] = {
	"harmful_program", "network_attack", "info_destruction", "info_content", "equipment_fault",
	"disaster", "other", NULL,
};
static const char *const gbt2023[] = {
	"malware", "network_attack", "data_security", "info_content", "equipment_fault", "violation",
	"hidden_danger", "anomaly", "force_majeure", "other", NULL,
};
static const char *const *const categories[INC_TAX__MAX] = { gbz2007, gbt2023 };

const char *const inc_category_choices[] = {
	"gbz2007.harmful_program", "gbz2007.network_attack", "gbz2007.info_destruction",
	"gbz2007.info_content", "gbz2007.equipment_fault", "gbz2007.disaster", "gbz2007.other",
	"gbt2023.malware", "gbt2023.network_attack", "gbt2023.data_security", "gbt2023.info_content",
	"gbt2023.equipment_fault", "gbt2023.violation", "gbt2023.hidden_danger", "gbt2023.anomaly",
	"gbt2023.force_majeure", "gbt2023.other", NULL,
};

void
inc_taxonomy_node(struct ctx *c)
{
	xmlNodePtr t = pg_node(c->data, "taxonomy");
	pg_attr(t, "default", inc_tax_code[inc_set.taxonomy]);
	/* the site's default first, so the form's list opens with it */
	for (int i = 0; i < INC_TAX__MAX; i++) {
		int k = i == 0 ? (int)inc_set.taxonomy : 1 - (int)inc_set.taxonomy;
		xmlNodePtr v = pg_node(t, "version");
		pg_attr(v, "code", inc_tax_code[k]);
		for (const char *const *cat = categories[k]; *cat; cat++)
			pg_attr(pg_node(v, "category"), "code", *cat);
	}
}
