<?xml version="1.0" encoding="UTF-8"?>
<!--
  systems/finding.xsl — recording a finding as fixed (/systems/findings/ID):
  the date it was done, or none to open it again.
  data @conflict? (409: someone saved the finding meanwhile):
        <system> (as on the system page),
        <finding id system assessment assessed deadline done? overdue? version
          updated-by updated-at><text/></finding> (the finding now),
        <form> (done_date version).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:template name="title">
    <t:s key="finding.title"/>
    <xsl:text> · </xsl:text>
    <xsl:value-of select="/page/data/system/name"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="/page/@base"/>
    <xsl:variable name="s" select="system"/>
    <xsl:variable name="f" select="finding"/>
    <p class="crumbs small">
      <a href="{$base}"><t:s key="systems.title"/></a>
      <xsl:text> › </xsl:text>
      <a href="{$base}{$s/id}#findings"><xsl:value-of select="$s/name"/></a>
    </p>
    <h1><t:s key="finding.title"/></h1>
    <dl class="facts">
      <dt><t:s key="system.col_finding"/></dt>
      <dd class="multi"><xsl:value-of select="$f/text"/></dd>
      <dt><t:s key="system.col_from"/></dt>
      <dd><xsl:value-of select="$f/@assessed"/></dd>
      <dt><t:s key="system.col_deadline"/></dt>
      <dd>
        <xsl:value-of select="$f/@deadline"/>
        <xsl:if test="$f/@overdue = '1'">
          <xsl:text> </xsl:text>
          <span class="late"><t:s key="w.overdue"/></span>
        </xsl:if>
      </dd>
    </dl>
    <xsl:if test="@conflict = '1'">
      <section class="conflict">
        <h2><t:s key="change.conflict_title"/></h2>
        <p><t:s key="finding.conflict_text"/></p>
        <table class="compare">
          <thead>
            <tr>
              <th scope="col"><span class="vh"><t:s key="change.col_field"/></span></th>
              <th scope="col"><t:s key="change.col_now"/></th>
              <th scope="col"><t:s key="change.col_yours"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:call-template name="compare">
              <xsl:with-param name="name" select="'done_date'"/>
              <xsl:with-param name="now" select="string($f/@done)"/>
            </xsl:call-template>
          </tbody>
        </table>
        <p class="small muted">
          <t:s key="finding.changed_by">
            <t:arg name="who"><xsl:value-of select="$f/@updated-by"/></t:arg>
            <t:arg name="at"><xsl:value-of select="$f/@updated-at"/></t:arg>
          </t:s>
        </p>
      </section>
    </xsl:if>
    <form class="system" method="post" action="{$base}findings/{$f/@id}" novalidate="novalidate">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'version'"/></xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'done_date'"/>
        <xsl:with-param name="type" select="'date'"/>
        <xsl:with-param name="hint"><t:s key="finding.hint_done"/></xsl:with-param>
      </xsl:call-template>
      <p class="formbuttons">
        <button type="submit">
          <xsl:choose>
            <xsl:when test="@conflict = '1'"><t:s key="change.submit_again"/></xsl:when>
            <xsl:otherwise><t:s key="sform.submit"/></xsl:otherwise>
          </xsl:choose>
        </button>
        <a href="{$base}{$s/id}#findings"><t:s key="change.cancel"/></a>
      </p>
    </form>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="sys-css"/>
  </xsl:template>
</xsl:stylesheet>
