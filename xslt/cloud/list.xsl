<?xml version="1.0" encoding="UTF-8"?>
<!--
  cloud/list.xsl — the requests, newest first: <filter state mine due reclaimable expiring kind unit?
  sort? dir? q? lq-q? lq?/>, <vms next? next-at? first? count><vm …><unit/><applicant/><server/>?</vm>…</vms>.
  The plain list pages by ?after=NEXT, a date list (due, reclaimable, expiring) by ?at=NEXT-AT&after=NEXT
  in its own order, without the tools; with a search or another sort (listtools.xsl) the pages seek
  forward: ?at=NEXT-AT&after=NEXT with lq, filters kept.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text" xmlns:r="urn:wangan:rows" extension-element-prefixes="r">
  <xsl:import href="common.xsl"/>
  <xsl:import href="../listtools.xsl"/>
  <xsl:template name="title"><t:s key="cloud.title"/></xsl:template>
  <xsl:template match="data" mode="content">
    <xsl:variable name="f" select="filter"/>
    <xsl:variable name="base" select="'/cloud/'"/>
    <!-- a date list keeps its own order and cursor: no search, sort or export there -->
    <xsl:variable name="dated" select="string($f/@due) or $f/@reclaimable = '1' or $f/@expiring = '1'"/>
    <!-- the list's filters, as the server took them, to keep on every link -->
    <xsl:variable name="keep">
      <xsl:if test="$f/@mine = '1'">&amp;mine=1</xsl:if>
      <xsl:if test="string($f/@state) and $f/@mine != '1'">&amp;state=<xsl:value-of select="$f/@state"/></xsl:if>
      <xsl:if test="string($f/@kind)">&amp;kind=<xsl:value-of select="$f/@kind"/></xsl:if>
      <xsl:if test="string($f/@due)">&amp;due=<xsl:value-of select="$f/@due"/></xsl:if>
      <xsl:if test="$f/@reclaimable = '1'">&amp;reclaimable=1</xsl:if>
      <xsl:if test="$f/@expiring = '1'">&amp;expiring=1</xsl:if>
      <xsl:if test="$f/@unit">&amp;unit=<xsl:value-of select="$f/@unit"/></xsl:if>
    </xsl:variable>
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
        <xsl:if test="not($dated)">
          <xsl:call-template name="lt-search">
            <xsl:with-param name="hint"><t:s key="lt.hint_cloud"/></xsl:with-param>
          </xsl:call-template>
        </xsl:if>
        <!-- the lists the bar has no field for ride along, so a search stays in its list -->
        <xsl:for-each select="$f/@kind[string(.)] | $f/@unit">
          <input type="hidden" name="{name()}" value="{.}"/>
        </xsl:for-each>
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
      <xsl:with-param name="clear">
        <xsl:if test="string($keep) or string($f/@q)"><xsl:value-of select="$base"/></xsl:if>
      </xsl:with-param>
      <xsl:with-param name="links">
        <xsl:if test="not($dated)">
          <xsl:call-template name="lt-exports">
            <xsl:with-param name="base" select="$base"/>
            <xsl:with-param name="keep" select="$keep"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="vms/vm">
        <div class="tablewrap">
          <table class="vms">
            <thead><tr>
              <xsl:call-template name="cl-th">
                <xsl:with-param name="key" select="'id'"/>
                <xsl:with-param name="label">#</xsl:with-param>
                <xsl:with-param name="sortable" select="not($dated)"/>
                <xsl:with-param name="keep" select="$keep"/>
              </xsl:call-template>
              <xsl:call-template name="cl-th">
                <xsl:with-param name="key" select="'unit'"/>
                <xsl:with-param name="label"><t:s key="cloud.unit"/></xsl:with-param>
                <xsl:with-param name="sortable" select="not($dated)"/>
                <xsl:with-param name="keep" select="$keep"/>
              </xsl:call-template>
              <xsl:call-template name="cl-th">
                <xsl:with-param name="key" select="'applicant'"/>
                <xsl:with-param name="label"><t:s key="cfield.applicant"/></xsl:with-param>
                <xsl:with-param name="sortable" select="not($dated)"/>
                <xsl:with-param name="keep" select="$keep"/>
              </xsl:call-template>
              <th scope="col"><t:s key="cfield.server_name"/></th><th scope="col"><t:s key="cloud.spec"/></th>
              <xsl:call-template name="cl-th">
                <xsl:with-param name="key" select="'state'"/>
                <xsl:with-param name="label"><t:s key="cloud.state"/></xsl:with-param>
                <xsl:with-param name="sortable" select="not($dated)"/>
                <xsl:with-param name="keep" select="$keep"/>
              </xsl:call-template>
              <th scope="col"><t:s key="cfield.ip"/></th>
              <xsl:if test="vms/vm/@date"><th scope="col"><xsl:choose><xsl:when test="$f/@expiring = '1'"><t:s key="cloud.expiry"/></xsl:when><xsl:when test="$f/@reclaimable = '1'"><t:s key="cloud.registered"/></xsl:when><xsl:otherwise><t:s key="cloud.due"/></xsl:otherwise></xsl:choose></th></xsl:if>
              <th scope="col"><t:s key="cloud.kind"/></th>
            </tr></thead>
            <tbody>
              <r:for-each select="vms/vm">
                <tr>
                  <th scope="row"><a href="/cloud/{@id}"><xsl:value-of select="@id"/></a></th>
                  <td><xsl:value-of select="unit"/></td>
                  <td><xsl:value-of select="applicant"/></td>
                  <td class="code"><xsl:value-of select="server"/></td>
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
          <xsl:with-param name="first">
            <xsl:if test="vms/@first = '1'"><xsl:value-of select="concat($base, '?sort=', $f/@sort, '&amp;dir=', $f/@dir, $keep, $f/@lq-q)"/></xsl:if>
          </xsl:with-param>
          <xsl:with-param name="next">
            <xsl:choose>
              <xsl:when test="not(string(vms/@next))"/>
              <xsl:when test="$dated"><xsl:value-of select="concat($base, '?at=', vms/@next-at, '&amp;after=', vms/@next, $keep)"/></xsl:when>
              <xsl:when test="string(vms/@next-at)"><xsl:value-of select="concat($base, '?at=', vms/@next-at, '&amp;after=', vms/@next, $keep, $f/@lq)"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="concat($base, '?after=', vms/@next, $keep)"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="count" select="vms/@count"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="empty"><xsl:with-param name="text"><t:s key="cloud.none"/></xsl:with-param></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- a column title: sortable (listtools.xsl) but on a date list, whose order is its own -->
  <xsl:template name="cl-th">
    <xsl:param name="key"/>
    <xsl:param name="label"/>
    <xsl:param name="sortable"/>
    <xsl:param name="keep"/>
    <xsl:choose>
      <xsl:when test="$sortable">
        <xsl:call-template name="lt-th">
          <xsl:with-param name="key" select="$key"/>
          <xsl:with-param name="label" select="$label"/>
          <xsl:with-param name="base" select="'/cloud/'"/>
          <xsl:with-param name="keep" select="$keep"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><th scope="col"><xsl:copy-of select="$label"/></th></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:variable name="states"><s>draft</s><s>submitted</s><s>unit_approved</s><s>office_approved</s><s>active</s><s>returned</s><s>withdrawn</s></xsl:variable>
</xsl:stylesheet>
