/*
 * print.c — GET /cloud/{id}/print: the request as appendix 6 of seed 003
 * (云服务（虚拟机）备案登记表) on one A4 page, filled from the record, for
 * the signatures of the applicant, the unit head (with the unit's seal),
 * the approver and the handler; anyone who may read the request may print
 * it; a hosted server prints as appendix 8 (托管服务器备案登记表, the
 * handler's and the person in charge's signatures).  data: <vm> as on the
 * request page, <images> (every one, for the form's tick boxes), <systems>.
 */
#include <string.h>
#include "cloud.h"

int
cl_print(struct ctx *c)
{
	struct vm vm;
	enum db_rc rc;
	c->view = VIEW(CL_VIEW_PRINT);
	int st = cl_open(c, &vm, 0);
	if (st != 200)
		return st;
	/* a hosted server's form is appendix 8 (托管服务器备案登记表) */
	if (strcmp(vm.v[VC_KIND], "host") == 0)
		c->view = VIEW(CL_VIEW_PRINT_HOST);
	cl_vm_node(c->data, "vm", &vm);
	struct db_val p[] = { DBI(c->id) };
	if ((rc = cl_images_node(c, c->data)) != DB_OK ||
	    (rc = SQL_RUN(c, CL_SQL_VM_SYSTEMS, p, cl_system_row, pg_node(c->data, "systems"))) != DB_OK)
		return app_dberr(rc);
	return 200;
}
