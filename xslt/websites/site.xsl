<?xml version="1.0" encoding="UTF-8"?>
<!-- websites/site.xsl — one filing: <site>, <officer>?, <progress>, <gate>?, <actions>, <form>, <history>. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="common.xsl"/>
  <xsl:include href="watch.xsl"/>
  <xsl:include href="check-part.xsl"/>
  <xsl:template name="title"><t:s key="web.title"/></xsl:template>
  <xsl:template match="data" mode="content">
    <xsl:variable name="s" select="site"/>
    <h1><t:s key="web.site"/> #<xsl:value-of select="$s/@id"/><xsl:text> </xsl:text><span class="code"><xsl:value-of select="$s/domain"/></span></h1>
    <xsl:if test="gate">
      <p class="notice bad" id="web-gate"><t:s key="web.gate"/><xsl:text> </xsl:text>
        <a href="/pledges/sign?kind=website&amp;unit={gate/@unit-id}"><t:s key="web.gate_link"/></a></p>
    </xsl:if>
    <xsl:apply-templates select="watch"/>
    <p><strong><t:s key="web.progress"/>: </strong><t:label set="wstate" select="progress/@state"/>
      <xsl:text> </xsl:text><t:s key="web.since"/><xsl:text> </xsl:text><xsl:value-of select="progress/@since"/>
      <xsl:if test="progress/@next">; <t:s key="web.next"/>: <t:label set="wnext" select="progress/@next"/></xsl:if>
      <xsl:text> </xsl:text><a href="/websites/{$s/@id}/print"><t:s key="web.print"/></a></p>
    <dl class="site">
      <dt><t:s key="web.unit"/></dt><dd><xsl:call-template name="unit-label"><xsl:with-param name="name" select="$s/unit-name"/><xsl:with-param name="code" select="$s/unit-code"/></xsl:call-template></dd>
      <dt><t:s key="wfield.name"/></dt><dd><xsl:value-of select="$s/name"/></dd>
      <dt><t:s key="wfield.domain"/></dt><dd class="code"><xsl:value-of select="$s/domain"/></dd>
      <dt><t:s key="wfield.officer"/></dt><dd class="officer"><xsl:apply-templates select="officer"/><xsl:if test="not(officer)"><t:s key="web.no_officer"/></xsl:if></dd>
      <dt><t:s key="wfield.leader_name"/></dt><dd><xsl:value-of select="$s/leader_name"/><xsl:text> </xsl:text><xsl:value-of select="$s/leader_phone"/></dd>
      <dt><t:s key="web.site_type"/></dt><dd><xsl:value-of select="$s/site_lang"/> / <xsl:value-of select="$s/site_runtime"/><xsl:if test="string($s/site_db)"> / <xsl:value-of select="$s/site_db"/></xsl:if></dd>
      <dt><t:s key="wfield.sections"/></dt><dd><xsl:value-of select="$s/sections"/></dd>
      <dt><t:s key="wfield.location"/></dt><dd><t:label set="wloc" select="$s/location"/>
        <xsl:if test="string($s/vm)"><xsl:text> </xsl:text><a href="/cloud/{$s/vm}">#<xsl:value-of select="$s/vm"/></a><xsl:text> </xsl:text><xsl:value-of select="$s/vm-ip"/></xsl:if></dd>
      <dt><t:s key="wfield.build"/></dt><dd><t:label set="wbuild" select="$s/build"/><xsl:if test="string($s/build_reason)"> — <xsl:value-of select="$s/build_reason"/></xsl:if></dd>
      <dt><t:s key="web.admin"/></dt><dd><xsl:value-of select="$s/admin_name"/><xsl:text> </xsl:text><xsl:value-of select="$s/admin_phone"/><xsl:text> </xsl:text><xsl:value-of select="$s/admin_mobile"/><xsl:text> </xsl:text><xsl:value-of select="$s/admin_email"/></dd>
      <dt><t:s key="wfield.apply_date"/></dt><dd><xsl:value-of select="$s/apply_date"/></dd>
      <xsl:if test="string($s/open_date)"><dt><t:s key="wfield.open_date"/></dt><dd><xsl:value-of select="$s/open_date"/></dd></xsl:if>
      <xsl:if test="string($s/unit-by)"><dt><t:s key="web.unit_opinion"/></dt><dd><xsl:value-of select="$s/unit_opinion"/> — <xsl:value-of select="$s/unit-by"/>, <xsl:value-of select="$s/unit-at"/></dd></xsl:if>
      <xsl:if test="string($s/center-by)">
        <dt><t:s key="wfield.ip"/></dt><dd class="code"><xsl:value-of select="$s/ip"/></dd>
        <dt><t:s key="wfield.exposed"/></dt><dd><xsl:call-template name="yes-no"><xsl:with-param name="on" select="$s/exposed"/></xsl:call-template></dd>
        <dt><t:s key="web.services"/></dt><dd class="services"><xsl:value-of select="translate($s/services, ',', ' ')"/><xsl:if test="string($s/services_other)"> (<xsl:value-of select="$s/services_other"/>)</xsl:if></dd>
        <dt><t:s key="web.center_opinion"/></dt><dd><xsl:value-of select="$s/center_opinion"/> — <xsl:value-of select="$s/center-by"/>, <xsl:value-of select="$s/center-at"/></dd>
      </xsl:if>
      <xsl:if test="string($s/return-reason)"><dt><t:s key="wfield.reason"/></dt><dd><xsl:value-of select="$s/return-reason"/></dd></xsl:if>
      <dt><t:s key="web.system"/></dt><dd><xsl:if test="string($s/system)"><a href="/systems/{$s/system}">#<xsl:value-of select="$s/system"/><xsl:text> </xsl:text><xsl:value-of select="$s/system-name"/></a></xsl:if></dd>
    </dl>
    <xsl:for-each select="actions/action">
      <xsl:choose>
        <xsl:when test="@name = 'edit'"><p><a class="button" href="/websites/{$s/@id}/edit"><t:label set="waction" select="@name"/></a></p></xsl:when>
        <xsl:when test="@name = 'submit' or @name = 'withdraw' or @name = 'approve' or @name = 'reject' or @name = 'open'">
          <form method="post" action="/websites/{$s/@id}/step" class="step-{@name}">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="action" value="{@name}"/>
            <xsl:call-template name="hidden"><xsl:with-param name="name" select="'version'"/></xsl:call-template>
            <xsl:if test="@name = 'reject'"><xsl:call-template name="area-row"><xsl:with-param name="name" select="'reason'"/></xsl:call-template></xsl:if>
            <xsl:if test="@name = 'approve' or @name = 'open'"><xsl:call-template name="area-row"><xsl:with-param name="name" select="'opinion'"/></xsl:call-template></xsl:if>
            <xsl:if test="@name = 'open'">
              <xsl:call-template name="field-row"><xsl:with-param name="name" select="'ip'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
              <xsl:call-template name="select-row"><xsl:with-param name="name" select="'exposed'"/><xsl:with-param name="required" select="true()"/>
                <xsl:with-param name="options"><option value="">—</option><option value="1"><t:s key="w.yes"/></option><option value="0"><t:s key="w.no"/></option></xsl:with-param></xsl:call-template>
              <xsl:call-template name="check-row"><xsl:with-param name="name" select="'svc_http'"/><xsl:with-param name="box">HTTP</xsl:with-param></xsl:call-template>
              <xsl:call-template name="check-row"><xsl:with-param name="name" select="'svc_https'"/><xsl:with-param name="box">HTTPS</xsl:with-param></xsl:call-template>
              <xsl:call-template name="check-row"><xsl:with-param name="name" select="'svc_ftp'"/><xsl:with-param name="box">FTP</xsl:with-param></xsl:call-template>
              <xsl:call-template name="check-row"><xsl:with-param name="name" select="'svc_other'"/><xsl:with-param name="box"><t:s key="web.other"/></xsl:with-param></xsl:call-template>
              <xsl:call-template name="field-row"><xsl:with-param name="name" select="'services_other'"/></xsl:call-template>
              <xsl:call-template name="field-row"><xsl:with-param name="name" select="'open_date'"/><xsl:with-param name="type" select="'date'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
            </xsl:if>
            <button type="submit"><t:label set="waction" select="@name"/></button>
          </form>
        </xsl:when>
        <xsl:otherwise/><!-- the other files' actions: under their own parts below -->
      </xsl:choose>
    </xsl:for-each>
    <!-- the other parts of the page, one apply-templates each (their templates below or in their own files) -->
    <xsl:apply-templates select="outages"/>
    <xsl:apply-templates select="checks" mode="web-check"/>
    <xsl:apply-templates select="life"/>
    <xsl:apply-templates select="refiles"/>
    <h2><t:s key="web.history"/></h2>
    <ul class="history">
      <xsl:for-each select="history/step">
        <li><xsl:value-of select="@at"/><xsl:text> </xsl:text><xsl:value-of select="@login"/>: <t:label set="wstate" select="@to"/><xsl:if test="string(reason)"> — <xsl:value-of select="reason"/></xsl:if></li>
      </xsl:for-each>
    </ul>
  </xsl:template>
  <!-- life.c: the deadline of a discovered site; suspend, restore, close, each with its reason. -->
  <xsl:template match="life">
    <xsl:variable name="id" select="../site/@id"/>
    <xsl:variable name="s" select="../site"/>
    <xsl:variable name="f" select="form"/>
    <xsl:if test="@file-by">
      <p class="notice warn" id="web-file-by"><t:s key="web.file_by"/>: <strong><xsl:value-of select="@file-by"/></strong>
        <xsl:if test="@overdue = '1'"><xsl:text> </xsl:text><span class="bad" id="web-overdue"><t:s key="web.overdue"/></span></xsl:if></p>
    </xsl:if>
    <xsl:if test="string($s/suspended-by)">
      <p class="suspension"><strong><t:s key="web.suspended"/></strong>: <t:label set="wkind" select="$s/suspend-kind"/> — <xsl:value-of select="$s/suspend-reason"/>
        (<xsl:value-of select="$s/suspended-by"/>, <xsl:value-of select="$s/suspended-at"/>)
        <xsl:if test="string($s/restored-by)">; <t:s key="web.restored"/>: <xsl:value-of select="$s/restore-note"/> (<xsl:value-of select="$s/restored-by"/>, <xsl:value-of select="$s/restored-at"/>)</xsl:if></p>
    </xsl:if>
    <xsl:if test="string($s/closed-by)">
      <p class="closing"><strong><t:s key="web.closed"/></strong>: <xsl:value-of select="$s/close-reason"/> (<xsl:value-of select="$s/closed-by"/>, <xsl:value-of select="$s/closed-at"/>)</p>
    </xsl:if>
    <xsl:for-each select="action">
      <xsl:variable name="a" select="@name"/>
      <form method="post" action="/websites/{$id}/life" class="life-{$a}">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="action" value="{$a}"/>
        <input type="hidden" name="version" value="{$f/field[@name = 'version']}"/>
        <xsl:if test="$a = 'suspend'">
          <div class="field"><label for="life-kind"><t:s key="wfield.kind"/></label>
            <div class="input"><select id="life-kind" name="kind" required="required">
              <option value="">—</option>
              <option value="harmful"><xsl:if test="$f/field[@name = 'kind'] = 'harmful'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><t:s key="wkind.harmful"/></option>
              <option value="ads"><xsl:if test="$f/field[@name = 'kind'] = 'ads'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><t:s key="wkind.ads"/></option>
              <option value="vuln"><xsl:if test="$f/field[@name = 'kind'] = 'vuln'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><t:s key="wkind.vuln"/></option>
              <option value="other"><xsl:if test="$f/field[@name = 'kind'] = 'other'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><t:s key="wkind.other"/></option>
            </select>
            <xsl:if test="$f/field[@name = 'action'] = $a and string($f/field[@name = 'kind']/@error)"><p class="ferr"><t:label set="msg" select="$f/field[@name = 'kind']/@error"/></p></xsl:if></div></div>
        </xsl:if>
        <xsl:variable name="tf"><xsl:choose><xsl:when test="$a = 'restore'">note</xsl:when><xsl:otherwise>reason</xsl:otherwise></xsl:choose></xsl:variable>
        <div class="field"><label for="life-{$a}"><t:label set="wfield" select="string($tf)"/></label>
          <div class="input"><textarea id="life-{$a}" name="{$tf}" maxlength="500" required="required"><xsl:if test="$f/field[@name = 'action'] = $a"><xsl:value-of select="$f/field[@name = $tf]"/></xsl:if></textarea>
            <xsl:if test="$f/field[@name = 'action'] = $a and string($f/field[@name = $tf]/@error)"><p class="ferr"><t:label set="msg" select="$f/field[@name = $tf]/@error"/></p></xsl:if></div></div>
        <button type="submit"><t:label set="waction" select="$a"/></button>
      </form>
    </xsl:for-each>
  </xsl:template>
  <!-- refile.c: the link to re-file, each re-filing with its diff, the pending one's decisions. -->
  <xsl:template match="refiles">
    <xsl:variable name="id" select="../site/@id"/>
    <xsl:variable name="f" select="form"/>
    <xsl:if test="@may-refile = '1'"><p><a class="button" href="/websites/{$id}/refile"><t:s key="web.refile"/></a></p></xsl:if>
    <xsl:if test="refile">
      <h2><t:s key="web.refiles"/></h2>
      <xsl:for-each select="refile">
        <div class="refile" id="refile-{@id}">
          <p><strong><t:s key="web.refile"/> #<xsl:value-of select="@id"/></strong>: <t:label set="wrfstate" select="@state"/>
            — <xsl:value-of select="@requested-by"/>, <xsl:value-of select="@requested-at"/>
            <xsl:if test="@decided-by">; <xsl:value-of select="@decided-by"/>, <xsl:value-of select="@decided-at"/></xsl:if></p>
          <table class="diff">
            <tr><th><t:s key="web.refile_field"/></th><th><t:s key="web.refile_old"/></th><th><t:s key="web.refile_new"/></th></tr>
            <xsl:for-each select="field">
              <tr><td><t:label set="wfield" select="@name"/></td><td><xsl:value-of select="@old"/></td><td><xsl:value-of select="@new"/></td></tr>
            </xsl:for-each>
          </table>
          <p><t:s key="wfield.reason"/>: <xsl:value-of select="reason"/></p>
          <xsl:if test="decision"><p><t:s key="web.refile_decision"/>: <xsl:value-of select="decision"/></p></xsl:if>
          <xsl:if test="@state = 'pending'">
            <xsl:for-each select="../action">
              <xsl:variable name="a" select="@name"/>
              <form method="post" action="/websites/{$id}/refile/decide" class="refile-{$a}">
                <xsl:call-template name="csrf"/>
                <input type="hidden" name="action" value="{$a}"/>
                <input type="hidden" name="refile" value="{$f/field[@name = 'refile']}"/>
                <input type="hidden" name="version" value="{$f/field[@name = 'version']}"/>
                <xsl:if test="$a != 'withdraw'">
                  <div class="field"><label for="rf-{$a}"><t:s key="wfield.reason"/></label>
                    <div class="input"><textarea id="rf-{$a}" name="reason" maxlength="500"><xsl:if test="$f/field[@name = 'action'] = $a"><xsl:value-of select="$f/field[@name = 'reason']"/></xsl:if></textarea>
                      <xsl:if test="$f/field[@name = 'action'] = $a and string($f/field[@name = 'reason']/@error)"><p class="ferr"><t:label set="msg" select="$f/field[@name = 'reason']/@error"/></p></xsl:if></div></div>
                </xsl:if>
                <button type="submit"><t:label set="wrfaction" select="$a"/></button>
              </form>
            </xsl:for-each>
          </xsl:if>
        </div>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
