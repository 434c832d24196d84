<?xml version="1.0" encoding="UTF-8"?>
<!-- cloud/list.xsl — the requests, newest first: <filter state mine/>, <vms next? count><vm …/>…</vms>. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text" xmlns:r="urn:wangan:rows" extension-element-prefixes="r">
  <xsl:import href="common.xsl"/>
  <xsl:template name="title"><t:s key="cloud.title"/></xsl:template>
  <xsl:template match="data" mode="content">
    <xsl:variable name="f" select="filter"/>
    <h1><t:s key="cloud.title"/></h1>
    <xsl:variable name="r" select="/page/account/@role"/>
    <xsl:if test="$r = 'unit_staff' or $r = 'unit_head'">
      <p class="actions"><a class="button" href="/cloud/new"><t:s key="cloud.new"/></a> <a class="button" href="/cloud/host/new"><t:s key="cloud.host_new"/></a></p>
    </xsl:if>
    <xsl:if test="$r = 'center' or $r = 'office'">
      <form method="get" action="/cloud/ip" class="lookup">
        <label><t:s key="cloud.ip_title"/> <input type="text" name="q" maxlength="45"/></label>
        <button type="submit"><t:s key="cloud.ip_find"/></button>
        <a href="/cloud/images"><t:s key="cloud.images"/></a>
      </form>
    </xsl:if>
    <p class="lists">
      <a href="/cloud/?due=soon"><t:s key="cloud.list_due_soon"/></a> ·
      <a href="/cloud/?due=overdue"><t:s key="cloud.list_overdue"/></a> ·
      <a href="/cloud/?reclaimable=1"><t:s key="cloud.list_reclaimable"/></a> ·
      <a href="/cloud/?expiring=1"><t:s key="cloud.list_expiring"/></a> ·
      <a href="/cloud/?kind=vm"><t:s key="cloud.list_vms"/></a> ·
      <a href="/cloud/?kind=host"><t:s key="cloud.list_hosts"/></a>
    </p>
    <xsl:call-template name="filter-form">
      <xsl:with-param name="action" select="'/cloud/'"/>
      <xsl:with-param name="fields">
        <xsl:call-template name="filter-select">
          <xsl:with-param name="label"><t:s key="cloud.state"/></xsl:with-param>
          <xsl:with-param name="name" select="'state'"/>
          <xsl:with-param name="any">—</xsl:with-param>
          <xsl:with-param name="options">
            <xsl:call-template name="options"><xsl:with-param name="set" select="'cstate'"/><xsl:with-param name="codes" select="'draft submitted unit_approved office_approved active returned withdrawn'"/><xsl:with-param name="value" select="$f/@state"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="filter-check">
          <xsl:with-param name="label"><t:s key="cloud.mine"/></xsl:with-param>
          <xsl:with-param name="name" select="'mine'"/>
          <xsl:with-param name="on" select="$f/@mine = '1'"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="vms/vm">
        <div class="tablewrap">
          <table class="vms">
            <thead><tr>
              <th scope="col">#</th><th scope="col"><t:s key="cloud.unit"/></th>
              <th scope="col"><t:s key="cfield.applicant"/></th><th scope="col"><t:s key="cloud.spec"/></th>
              <th scope="col"><t:s key="cloud.state"/></th><th scope="col"><t:s key="cfield.ip"/></th>
              <xsl:if test="vms/vm/@date"><th scope="col"><xsl:choose><xsl:when test="$f/@expiring = '1'"><t:s key="cloud.expiry"/></xsl:when><xsl:when test="$f/@reclaimable = '1'"><t:s key="cloud.registered"/></xsl:when><xsl:otherwise><t:s key="cloud.due"/></xsl:otherwise></xsl:choose></th></xsl:if>
              <th scope="col"><t:s key="cloud.kind"/></th>
            </tr></thead>
            <tbody>
              <r:for-each select="vms/vm">
                <tr>
                  <th scope="row"><a href="/cloud/{@id}"><xsl:value-of select="@id"/></a></th>
                  <td><xsl:value-of select="unit"/></td>
                  <td><xsl:value-of select="applicant"/></td>
                  <td class="num"><xsl:value-of select="@vcpu"/>C/<xsl:value-of select="@memory"/>G/<xsl:value-of select="@disk"/>G</td>
                  <td><t:label set="cstate" select="@state"/> <small class="dates"><xsl:value-of select="@since"/></small></td>
                  <td class="code"><xsl:value-of select="@ip"/></td>
                  <xsl:if test="@date"><td class="dates"><xsl:value-of select="@date"/><xsl:if test="@expired"> <t:s key="cloud.expired"/></xsl:if></td></xsl:if>
                  <td><t:label set="ckind" select="@kind"/></td>
                </tr>
              </r:for-each>
            </tbody>
          </table>
        </div>
        <xsl:call-template name="pager">
          <xsl:with-param name="next">
            <xsl:if test="vms/@next">/cloud/?after=<xsl:value-of select="vms/@next"/>&amp;state=<xsl:value-of select="$f/@state"/>&amp;due=<xsl:value-of select="$f/@due"/>&amp;kind=<xsl:value-of select="$f/@kind"/><xsl:if test="$f/@reclaimable = '1'">&amp;reclaimable=1</xsl:if><xsl:if test="$f/@expiring = '1'">&amp;expiring=1</xsl:if><xsl:if test="$f/@unit">&amp;unit=<xsl:value-of select="$f/@unit"/></xsl:if><xsl:if test="vms/@next-at">&amp;at=<xsl:value-of select="vms/@next-at"/></xsl:if></xsl:if>
          </xsl:with-param>
          <xsl:with-param name="count" select="vms/@count"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="empty"><xsl:with-param name="text"><t:s key="cloud.none"/></xsl:with-param></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:variable name="states"><s>draft</s><s>submitted</s><s>unit_approved</s><s>office_approved</s><s>active</s><s>returned</s><s>withdrawn</s></xsl:variable>
</xsl:stylesheet>
