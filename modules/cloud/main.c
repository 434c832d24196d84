/*
 * main.c — wangan-cloud: routes, views, settings, verbs (statements: sql.c).
 */
#include <stdio.h>
#include "cloud.h"

struct cl_settings cl_set;

const char *const cl_states[] = { "draft", "submitted", "unit_approved", "office_approved", "active",
	"returned", "withdrawn", "suspended", "released", "decommissioned", "reclaimed", NULL };

static const struct route routes[] = {
	{ REQ_GET,  "",          cl_list, ROLES_ALL, 0 },
	{ REQ_GET,  "new",       cl_form, ROLES_UNIT, 0 },
	{ REQ_POST, "new",       cl_save, ROLES_UNIT, 0 },
	{ REQ_GET,  "{id}",      cl_view, ROLES_ALL, 0 },
	{ REQ_GET,  "{id}/edit", cl_form, ROLES_UNIT, 0 },
	{ REQ_POST, "{id}/edit", cl_save, ROLES_UNIT, 0 },
	{ REQ_POST, "{id}/step", cl_step, ROLES_UNIT | ROLE_OFFICE | ROLE_CENTER, 0 },
	{ REQ_GET,  "ip",        cl_ip, ROLES_READ_ALL | ROLE_CENTER, 0 },
	{ REQ_GET,  "images",    cl_images, ROLES_READ_ALL | ROLE_CENTER, 0 },
	{ REQ_POST, "images",    cl_image_add, ROLE_OFFICE | ROLE_CENTER, 0 },
	{ REQ_POST, "images/{id}", cl_image_set, ROLE_OFFICE | ROLE_CENTER, 0 },
	{ REQ_GET,  "{id}/print", cl_print, ROLES_ALL, 0 },
	{ REQ_GET,  "export.xml", cl_export, ROLES_READ_ALL | ROLE_CENTER, 0 },
	{ REQ_GET,  "{id}/rereg", cl_rereg_form, ROLES_UNIT, 0 },
	{ REQ_POST, "{id}/rereg", cl_rereg_save, ROLES_UNIT, 0 },
	{ REQ_POST, "{id}/reclaim", cl_reclaim, ROLE_CENTER, 0 },
	{ REQ_POST, "{id}/life", cl_life, ROLES_ALL, 0 },
	{ REQ_GET,  "host/new",  cl_host_form, ROLES_UNIT, 0 },
	{ REQ_POST, "host/new",  cl_host_save, ROLES_UNIT, ROUTE_UPLOAD },
	{ REQ_GET,  "{id}/host", cl_host_form, ROLES_UNIT, 0 },
	{ REQ_POST, "{id}/host", cl_host_save, ROLES_UNIT, ROUTE_UPLOAD },
	{ REQ_GET,  "{id}/review", cl_review, ROLES_ALL, 0 },
	{ REQ_GET,  "{id}/change", cl_change_form, ROLES_ALL, 0 },
	{ REQ_POST, "{id}/change", cl_change_save, ROLES_ALL, 0 },
	{ REQ_POST, "{id}/decide", cl_change_decide, ROLES_ALL, 0 },
};

static const char *const views[CL_VIEW__MAX] = {
	[CL_VIEW_LIST] = "cloud/list", [CL_VIEW_FORM] = "cloud/form", [CL_VIEW_VM] = "cloud/vm",
	[CL_VIEW_IP] = "cloud/ip", [CL_VIEW_IMAGES] = "cloud/images",
	[CL_VIEW_PRINT] = "cloud/print",
	[CL_VIEW_REREG] = "cloud/rereg",
	[CL_VIEW_HOST_FORM] = "cloud/host-form",
	[CL_VIEW_CHANGE] = "cloud/change",
	[CL_VIEW_PRINT_HOST] = "cloud/print-host",
};

static const struct verb verbs[] = {
	{ "demo", "demo requests in every state", cl_demo },
};

static int
cl_init(const struct config *cfg)
{
	const char *sep = config_get(cfg, "cloud.separate_approver", "1");
	cl_set.separate = !(sep[0] == '0' || sep[0] == 'n' || sep[0] == 'o' || sep[0] == 'f');
	if (sep[0] == 'o' && sep[1] == 'n')
		cl_set.separate = 1;
	cl_set.max_vcpu = config_int(cfg, "cloud.max_vcpu", 32, 1, 1024);
	cl_set.max_memory = config_int(cfg, "cloud.max_memory_gib", 256, 1, 65536);
	cl_set.max_disk = config_int(cfg, "cloud.max_disk_gib", 4096, 1, 1048576);
	cl_set.quota_vcpu = config_int(cfg, "cloud.quota_vcpu", 64, 1, 1000000);
	cl_set.quota_memory = config_int(cfg, "cloud.quota_memory_gib", 512, 1, 100000000);
	cl_set.quota_disk = config_int(cfg, "cloud.quota_disk_gib", 16384, 1, 1000000000);
	const char *msg = NULL;
	if (cl_due_parse(&cl_due, cfg, &msg) != 0) {
		fprintf(stderr, "wangan-cloud: %s\n", msg);
		return -1;
	}
	return 0;
}

static const struct module cloud = {
	.name = "cloud",
	.routes = routes, .nroutes = APP_COUNT(routes),
	.sql = cl_sql, .nsql = CL_SQL__MAX,
	.views = views, .nviews = CL_VIEW__MAX,
	.init = cl_init,
	.verbs = verbs, .nverbs = APP_COUNT(verbs),
	.export_fn = cl_export,
};

int
main(int argc, char **argv)
{
	return app_main(&cloud, argc, argv);
}
