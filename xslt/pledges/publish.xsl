<?xml version="1.0" encoding="UTF-8"?>
<!--
  pledges/publish.xsl — the office publishes a new version of a template,
  starting from the latest one as plain text.
  data @conflict?: <kinds …/>, <base id kind version/> (the version the form
        starts from, or on 409 the one now current),
        <form><field name max error?>value</field>…</form>
          (kind based_on title preamble clauses closing note nonce)
  Clauses one per line, their items on the following lines starting "- ";
  {site} and {domain} stand for the school's name and domain.  The signature
  lines are kept from the base version.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:template name="title">
    <t:s key="publish.title"/>
    <xsl:text> · </xsl:text>
    <t:label set="plkind" select="/page/data/base/@kind"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="/page/@base"/>
    <p class="crumbs small">
      <a href="{$base}templates"><t:s key="publish.back"/></a>
    </p>
    <h1>
      <t:label set="plkind" select="base/@kind"/>
      <span class="sub"><t:s key="publish.title"/></span>
    </h1>
    <xsl:if test="@conflict = '1'">
      <p class="notice bad">
        <t:s key="publish.conflict">
          <t:arg name="v"><xsl:value-of select="base/@version"/></t:arg>
        </t:s>
        <xsl:text> </xsl:text>
        <a href="{$base}templates/{base/@id}"><t:s key="publish.see_current"/></a>
      </p>
    </xsl:if>
    <p class="muted">
      <t:s key="publish.intro">
        <t:arg name="v"><xsl:value-of select="base/@version"/></t:arg>
        <t:arg name="next"><xsl:value-of select="base/@version + 1"/></t:arg>
      </t:s>
    </p>
    <form class="publish" method="post" action="{$base}templates/new" novalidate="novalidate">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'kind'"/></xsl:call-template>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'based_on'"/></xsl:call-template>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'nonce'"/></xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'title'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="hint"><t:s key="publish.hint_title"><t:arg name="site">{site}</t:arg></t:s></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="area-row">
        <xsl:with-param name="name" select="'preamble'"/>
        <xsl:with-param name="rows" select="4"/>
      </xsl:call-template>
      <p class="hint"><t:s key="publish.hint_clauses"><t:arg name="site">{site}</t:arg><t:arg name="domain">{domain}</t:arg></t:s></p>
      <xsl:call-template name="area-row">
        <xsl:with-param name="name" select="'clauses'"/>
        <xsl:with-param name="rows" select="24"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="area-row">
        <xsl:with-param name="name" select="'closing'"/>
        <xsl:with-param name="rows" select="4"/>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'note'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="hint"><t:s key="publish.hint_note"/></xsl:with-param>
      </xsl:call-template>
      <p class="small muted"><t:s key="publish.signatures_kept"/></p>
      <p class="formbuttons">
        <button type="submit"><t:s key="publish.submit"/></button>
      </p>
    </form>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="pl-css"/>
    <xsl:text>
.field.wide textarea{width:100%;max-width:60rem;font:inherit;line-height:1.6}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
