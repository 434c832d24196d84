/*
 * remind.h — e-mail reminders of the to-do items (issue 14, "Reminders"):
 * `wangan-home --remind` runs one round (a systemd timer calls it every few
 * minutes: packaging/systemd/wangan-remind.timer).  A round
 *
 *   1. reads todo_item with the home page's filters (sql.c) and decides per
 *      item where it stands (due.h, the same code as the page) and which
 *      stage of the schedule is due now (plan.c, pure), and for whom;
 *   2. queues, per recipient, the reminders not yet sent (remind_sent's
 *      unique key) in one transaction with their mail in remind_outbox:
 *      the working-day items of the round in one digest, each hour-clock
 *      item (an incident's step) in a mail of its own, at once;
 *   3. sends what the outbox holds (send.c): a row claimed with FOR UPDATE
 *      SKIP LOCKED, marked sent only once the server accepted it, else
 *      tried again later with exponential back-off.
 *
 * The schedule (site settings, office-changeable; wangan.conf defaults):
 *   remind.before_days     "3,1"  working days before the due day
 *   (on the due day always; then every working day while overdue)
 *   remind.head_after_days 1      working days late: the unit head too
 *   remind.office_after_days 3    working days late: the office too
 *   remind.hour_office_minutes 60 minutes past an hour-clock deadline: the office too
 *   remind.digest_hour     8      no working-day mail before this hour of the site's day
 * None for a working-day item on a day off (a weekend, a holiday); an item
 * done is gone from todo_item, so nothing more of it is sent.
 *
 * Transport (wangan.conf only: remind_init): remind.transport smtp|sendmail,
 * remind.smtp_url, remind.smtp_user, remind.smtp_password_file,
 * remind.smtp_tls off|try|on, remind.sendmail, remind.from, remind.base_url,
 * remind.smtp_timeout_seconds, remind.retry_base_seconds,
 * remind.retry_max_seconds (packaging/wangan.conf.example).
 */
#ifndef WANGAN_HOME_REMIND_H
#define WANGAN_HOME_REMIND_H
#include "workday.h"

struct ctx;
struct config;
struct buf;

/* Who a stage reaches, over the item's actor. */
enum rm_aud { RM_AUD_ACTOR = 1, RM_AUD_HEAD = 2, RM_AUD_OFFICE = 4 };

#define RM_MAX_BEFORE 8
#define RM_STAGE_LEN 24

struct rm_sched {
	int before[RM_MAX_BEFORE];	/* working days before, any order */
	int nbefore;
	int head_after, office_after;	/* working days late */
	long hour_office_secs;		/* seconds late */
};

/*
 * The stage of a working-day item due on day due, seen on today: 1 with the
 * stage's name ("before:3", "due", "late:2026-12-07") and audience, or 0
 * when nothing is due now (today is a day off; the due day is further than
 * the furthest "before").  "before:N" is the smallest N not below the
 * working days left, so an item first seen two days ahead gets "before:3"
 * once and then "before:1" — each step once, none skipped silently.
 */
int rm_plan_day(const struct wd_cal *cal, const struct rm_sched *s, int today, int due,
    char stage[RM_STAGE_LEN], unsigned *aud);
/*
 * The stage of an hour-clock item (seconds of civil time; due -1: none):
 * "open" at once, "late" past its deadline (the unit head too), "office"
 * remind.hour_office_minutes later (the office too).  Always 1.
 */
int rm_plan_hour(const struct rm_sched *s, long now, long due, char stage[RM_STAGE_LEN], unsigned *aud);
/* "3, 1" → s->before; -1 when not a list of 1..60. */
int rm_parse_before(const char *v, struct rm_sched *s);

/* mail.c: the message as sent, CRLF lines, RFC 2047 subject, base64 UTF-8 body. */
int rm_message(struct buf *b, const char *from, const char *rcpt, const char *subject, const char *body,
    long long id, long date);

/* wangan.conf's transport settings, checked at start (main.c's init). */
int rm_init(const struct config *cfg);
/* The verb: one round. */
int rm_round(struct ctx *c);
/* send.c: delivers what the outbox holds now; the count sent, or -1 (a database failure). */
long rm_send_due(struct ctx *c, long *failed);

struct rm_settings {
	const char *transport, *smtp_url, *smtp_user, *from, *base_url, *sendmail;
	const char *webhook_hosts, *webhook_ca;	/* remind.webhook_hosts, remind.webhook_ca_file */
	char smtp_password[256];
	int smtp_tls;		/* 0 off, 1 try, 2 required */
	long timeout, retry_base, retry_max;
};
extern struct rm_settings rm_set;
#endif
