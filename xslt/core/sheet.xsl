<?xml version="1.0" encoding="UTF-8"?>
<!--
  core/sheet.xsl — not a view: the column titles of every list's CSV and XLSX
  export (core/sheet.h).  The build compiles it per language like every
  stylesheet, so each <col k> below holds its text in that language, and
  sheet_init() reads the compiled file once when a module starts.  A list
  adds its columns here and their strings (keys sheet.…) to both files.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text"
    exclude-result-prefixes="t">

  <xsl:template name="sheet-titles">
    <titles>
      <col k="sheet.yes"><t:s key="sheet.yes"/></col>
      <!-- registration -->
      <col k="sheet.reg.code"><t:s key="sheet.reg.code"/></col>
      <col k="sheet.reg.name"><t:s key="sheet.reg.name"/></col>
      <col k="sheet.reg.first"><t:s key="sheet.reg.first"/></col>
      <col k="sheet.reg.first_mobile"><t:s key="sheet.reg.first_mobile"/></col>
      <col k="sheet.reg.direct"><t:s key="sheet.reg.direct"/></col>
      <col k="sheet.reg.direct_mobile"><t:s key="sheet.reg.direct_mobile"/></col>
      <col k="sheet.reg.secadmin"><t:s key="sheet.reg.secadmin"/></col>
      <col k="sheet.reg.secadmin_mobile"><t:s key="sheet.reg.secadmin_mobile"/></col>
      <col k="sheet.reg.liaison"><t:s key="sheet.reg.liaison"/></col>
      <col k="sheet.reg.liaison_mobile"><t:s key="sheet.reg.liaison_mobile"/></col>
      <col k="sheet.reg.sysadmin"><t:s key="sheet.reg.sysadmin"/></col>
      <col k="sheet.reg.sysadmin_mobile"><t:s key="sheet.reg.sysadmin_mobile"/></col>
      <col k="sheet.reg.late"><t:s key="sheet.reg.late"/></col>
      <!-- systems -->
      <col k="sheet.sys.id"><t:s key="sheet.sys.id"/></col>
      <col k="sheet.sys.unit_code"><t:s key="sheet.sys.unit_code"/></col>
      <col k="sysfield.name"><t:s key="sysfield.name"/></col>
      <col k="sysfield.unit"><t:s key="sysfield.unit"/></col>
      <col k="sysfield.kind"><t:s key="sysfield.kind"/></col>
      <col k="systems.col_level"><t:s key="systems.col_level"/></col>
      <col k="sysfield.status"><t:s key="sysfield.status"/></col>
      <col k="systems.col_filed"><t:s key="systems.col_filed"/></col>
      <col k="systems.col_due"><t:s key="systems.col_due"/></col>
      <col k="sysfield.cii"><t:s key="sysfield.cii"/></col>
      <col k="systems.filed"><t:s key="systems.filed"/></col>
      <col k="systems.not_filed"><t:s key="systems.not_filed"/></col>
      <col k="syskind.info_system"><t:s key="syskind.info_system"/></col>
      <col k="syskind.website"><t:s key="syskind.website"/></col>
      <col k="syskind.wechat_official"><t:s key="syskind.wechat_official"/></col>
      <col k="syskind.wecom_app"><t:s key="syskind.wecom_app"/></col>
      <col k="syskind.dingtalk_app"><t:s key="syskind.dingtalk_app"/></col>
      <col k="syskind.mobile_app"><t:s key="syskind.mobile_app"/></col>
      <col k="syskind.other"><t:s key="syskind.other"/></col>
      <col k="syslevel.0"><t:s key="syslevel.0"/></col>
      <col k="syslevel.1"><t:s key="syslevel.1"/></col>
      <col k="syslevel.2"><t:s key="syslevel.2"/></col>
      <col k="syslevel.3"><t:s key="syslevel.3"/></col>
      <col k="syslevel.4"><t:s key="syslevel.4"/></col>
      <col k="sysstatus.planned"><t:s key="sysstatus.planned"/></col>
      <col k="sysstatus.building"><t:s key="sysstatus.building"/></col>
      <col k="sysstatus.trial"><t:s key="sysstatus.trial"/></col>
      <col k="sysstatus.online"><t:s key="sysstatus.online"/></col>
      <col k="sysstatus.retired"><t:s key="sysstatus.retired"/></col>
      <!-- websites -->
      <col k="sheet.web.id"><t:s key="sheet.web.id"/></col>
      <col k="sheet.web.unit_code"><t:s key="sheet.web.unit_code"/></col>
      <col k="web.unit"><t:s key="web.unit"/></col>
      <col k="wfield.name"><t:s key="wfield.name"/></col>
      <col k="wfield.domain"><t:s key="wfield.domain"/></col>
      <col k="wfield.location"><t:s key="wfield.location"/></col>
      <col k="web.state"><t:s key="web.state"/></col>
      <col k="sheet.web.since"><t:s key="sheet.web.since"/></col>
      <col k="web.file_by"><t:s key="web.file_by"/></col>
      <col k="wloc.campus"><t:s key="wloc.campus"/></col>
      <col k="wloc.cloud_vm"><t:s key="wloc.cloud_vm"/></col>
      <col k="wloc.hosted"><t:s key="wloc.hosted"/></col>
      <col k="wloc.external"><t:s key="wloc.external"/></col>
      <col k="wstate.draft"><t:s key="wstate.draft"/></col>
      <col k="wstate.submitted"><t:s key="wstate.submitted"/></col>
      <col k="wstate.approved"><t:s key="wstate.approved"/></col>
      <col k="wstate.rectifying"><t:s key="wstate.rectifying"/></col>
      <col k="wstate.recheck"><t:s key="wstate.recheck"/></col>
      <col k="wstate.passed"><t:s key="wstate.passed"/></col>
      <col k="wstate.online"><t:s key="wstate.online"/></col>
      <col k="wstate.returned"><t:s key="wstate.returned"/></col>
      <col k="wstate.withdrawn"><t:s key="wstate.withdrawn"/></col>
      <col k="wstate.suspended"><t:s key="wstate.suspended"/></col>
      <col k="wstate.discovered"><t:s key="wstate.discovered"/></col>
      <col k="wstate.closed"><t:s key="wstate.closed"/></col>
      <!-- cloud -->
      <col k="sheet.cloud.id"><t:s key="sheet.cloud.id"/></col>
      <col k="sheet.cloud.unit_code"><t:s key="sheet.cloud.unit_code"/></col>
      <col k="cloud.unit"><t:s key="cloud.unit"/></col>
      <col k="cfield.applicant"><t:s key="cfield.applicant"/></col>
      <col k="cfield.server_name"><t:s key="cfield.server_name"/></col>
      <col k="cfield.vcpu"><t:s key="cfield.vcpu"/></col>
      <col k="cfield.memory_gib"><t:s key="cfield.memory_gib"/></col>
      <col k="cfield.disk_gib"><t:s key="cfield.disk_gib"/></col>
      <col k="cloud.state"><t:s key="cloud.state"/></col>
      <col k="sheet.cloud.since"><t:s key="sheet.cloud.since"/></col>
      <col k="cfield.ip"><t:s key="cfield.ip"/></col>
      <col k="cloud.kind"><t:s key="cloud.kind"/></col>
      <col k="cstate.draft"><t:s key="cstate.draft"/></col>
      <col k="cstate.submitted"><t:s key="cstate.submitted"/></col>
      <col k="cstate.unit_approved"><t:s key="cstate.unit_approved"/></col>
      <col k="cstate.office_approved"><t:s key="cstate.office_approved"/></col>
      <col k="cstate.active"><t:s key="cstate.active"/></col>
      <col k="cstate.returned"><t:s key="cstate.returned"/></col>
      <col k="cstate.withdrawn"><t:s key="cstate.withdrawn"/></col>
      <col k="cstate.reregistered"><t:s key="cstate.reregistered"/></col>
      <col k="cstate.reclaimed"><t:s key="cstate.reclaimed"/></col>
      <col k="cstate.suspended"><t:s key="cstate.suspended"/></col>
      <col k="cstate.released"><t:s key="cstate.released"/></col>
      <col k="cstate.decommissioned"><t:s key="cstate.decommissioned"/></col>
      <col k="ckind.vm"><t:s key="ckind.vm"/></col>
      <col k="ckind.host"><t:s key="ckind.host"/></col>
      <!-- incidents: the incident list -->
      <col k="inc.col_id"><t:s key="inc.col_id"/></col>
      <col k="field.unit"><t:s key="field.unit"/></col>
      <col k="field.category"><t:s key="field.category"/></col>
      <col k="sheet.inc.summary"><t:s key="sheet.inc.summary"/></col>
      <col k="field.level"><t:s key="field.level"/></col>
      <col k="field.started_at"><t:s key="field.started_at"/></col>
      <col k="inc.col_reported"><t:s key="inc.col_reported"/></col>
      <col k="inc.col_status"><t:s key="inc.col_status"/></col>
      <col k="sheet.inc.closed"><t:s key="sheet.inc.closed"/></col>
      <col k="field.filled_by"><t:s key="field.filled_by"/></col>
      <col k="inccat7.harmful_program"><t:s key="inccat7.harmful_program"/></col>
      <col k="inccat7.network_attack"><t:s key="inccat7.network_attack"/></col>
      <col k="inccat7.info_destruction"><t:s key="inccat7.info_destruction"/></col>
      <col k="inccat7.info_content"><t:s key="inccat7.info_content"/></col>
      <col k="inccat7.equipment_fault"><t:s key="inccat7.equipment_fault"/></col>
      <col k="inccat7.disaster"><t:s key="inccat7.disaster"/></col>
      <col k="inccat7.other"><t:s key="inccat7.other"/></col>
      <col k="inccat23.malware"><t:s key="inccat23.malware"/></col>
      <col k="inccat23.network_attack"><t:s key="inccat23.network_attack"/></col>
      <col k="inccat23.data_security"><t:s key="inccat23.data_security"/></col>
      <col k="inccat23.info_content"><t:s key="inccat23.info_content"/></col>
      <col k="inccat23.equipment_fault"><t:s key="inccat23.equipment_fault"/></col>
      <col k="inccat23.violation"><t:s key="inccat23.violation"/></col>
      <col k="inccat23.hidden_danger"><t:s key="inccat23.hidden_danger"/></col>
      <col k="inccat23.anomaly"><t:s key="inccat23.anomaly"/></col>
      <col k="inccat23.force_majeure"><t:s key="inccat23.force_majeure"/></col>
      <col k="inccat23.other"><t:s key="inccat23.other"/></col>
      <col k="inclevel.0"><t:s key="inclevel.0"/></col>
      <col k="inclevel.1"><t:s key="inclevel.1"/></col>
      <col k="inclevel.2"><t:s key="inclevel.2"/></col>
      <col k="inclevel.3"><t:s key="inclevel.3"/></col>
      <col k="inclevel.4"><t:s key="inclevel.4"/></col>
      <col k="incstatus.open"><t:s key="incstatus.open"/></col>
      <col k="incstatus.closed"><t:s key="incstatus.closed"/></col>
      <!-- incidents: the threat notices -->
      <col k="field.notice_no"><t:s key="field.notice_no"/></col>
      <col k="field.source"><t:s key="field.source"/></col>
      <col k="field.assignee"><t:s key="field.assignee"/></col>
      <col k="field.description"><t:s key="field.description"/></col>
      <col k="field.received_at"><t:s key="field.received_at"/></col>
      <col k="incnotice.col_due"><t:s key="incnotice.col_due"/></col>
      <col k="sheet.inc.timing"><t:s key="sheet.inc.timing"/></col>
      <col k="ncstatus.assigned"><t:s key="ncstatus.assigned"/></col>
      <col k="ncstatus.responded"><t:s key="ncstatus.responded"/></col>
      <col k="ncstatus.returned"><t:s key="ncstatus.returned"/></col>
      <col k="ncstatus.accepted"><t:s key="ncstatus.accepted"/></col>
      <col k="incclass.pending"><t:s key="incclass.pending"/></col>
      <col k="incclass.overdue"><t:s key="incclass.overdue"/></col>
      <col k="incclass.on_time"><t:s key="incclass.on_time"/></col>
      <col k="incclass.late"><t:s key="incclass.late"/></col>
      <!-- incidents: the rectification notices (and the threat notices' status and timing) -->
      <col k="increctify.col_no"><t:s key="increctify.col_no"/></col>
      <col k="field.inspection"><t:s key="field.inspection"/></col>
      <col k="increctify.col_unit"><t:s key="increctify.col_unit"/></col>
      <col k="field.findings"><t:s key="field.findings"/></col>
      <col k="field.issued_at"><t:s key="field.issued_at"/></col>
      <col k="increctify.col_due"><t:s key="increctify.col_due"/></col>
      <col k="rcstatus.assigned"><t:s key="rcstatus.assigned"/></col>
      <col k="rcstatus.responded"><t:s key="rcstatus.responded"/></col>
      <col k="rcstatus.returned"><t:s key="rcstatus.returned"/></col>
      <col k="rcstatus.accepted"><t:s key="rcstatus.accepted"/></col>
      <!-- incidents: the important periods -->
      <col k="field.period_name"><t:s key="field.period_name"/></col>
      <col k="field.starts"><t:s key="field.starts"/></col>
      <col k="field.ends"><t:s key="field.ends"/></col>
      <col k="field.remark"><t:s key="field.remark"/></col>
      <col k="sheet.inc.days"><t:s key="sheet.inc.days"/></col>
      <col k="sheet.inc.reported"><t:s key="sheet.inc.reported"/></col>
      <!-- pledges: the coverage and the vendors -->
      <col k="sheet.pl.id"><t:s key="sheet.pl.id"/></col>
      <col k="sheet.pl.kind"><t:s key="sheet.pl.kind"/></col>
      <col k="sheet.pl.code"><t:s key="sheet.pl.code"/></col>
      <col k="sheet.pl.name"><t:s key="sheet.pl.name"/></col>
      <col k="sheet.pl.status"><t:s key="sheet.pl.status"/></col>
      <col k="sheet.pl.signed"><t:s key="sheet.pl.signed"/></col>
      <col k="sheet.pl.changed"><t:s key="sheet.pl.changed"/></col>
      <col k="sheet.pl.due"><t:s key="sheet.pl.due"/></col>
      <col k="field.company"><t:s key="field.company"/></col>
      <col k="field.uscc"><t:s key="field.uscc"/></col>
      <col k="field.contact"><t:s key="field.contact"/></col>
      <col k="field.phone"><t:s key="field.phone"/></col>
      <col k="plkind.school_pledge"><t:s key="plkind.school_pledge"/></col>
      <col k="plkind.unit_pledge"><t:s key="plkind.unit_pledge"/></col>
      <col k="plkind.letter1"><t:s key="plkind.letter1"/></col>
      <col k="plkind.letter2"><t:s key="plkind.letter2"/></col>
      <col k="plkind.website"><t:s key="plkind.website"/></col>
      <col k="plkind.cloud_vm"><t:s key="plkind.cloud_vm"/></col>
      <col k="plkind.hosted_server"><t:s key="plkind.hosted_server"/></col>
      <col k="plkind.software"><t:s key="plkind.software"/></col>
      <col k="plstatus.missing"><t:s key="plstatus.missing"/></col>
      <col k="plstatus.signed"><t:s key="plstatus.signed"/></col>
      <col k="plstatus.resign"><t:s key="plstatus.resign"/></col>
      <col k="plstatus.overdue"><t:s key="plstatus.overdue"/></col>
    </titles>
  </xsl:template>
</xsl:stylesheet>
