<?xml version="1.0" encoding="UTF-8"?>
<!--
  pledges/vendor.xsl — one vendor: its name, credit code, contact, the units
  it serves, where it stands with letter (2), and every signing it made.
  The office edits the vendor and records its signings.
  data: <vendor id uscc version active><name/><contact/><phone/><email/>
          <units><unit id code><name/></unit>…</units></vendor>,
        <signings><signing …/>…</signings> (see unit.xsl),
        <letter kind status signing-id? signed?/> (status: signed or missing)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:template name="title">
    <xsl:value-of select="/page/data/vendor/name"/>
    <xsl:text> · </xsl:text>
    <t:s key="vendors.title"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="/page/@base"/>
    <xsl:variable name="v" select="vendor"/>
    <xsl:variable name="l" select="letter"/>
    <xsl:variable name="office" select="/page/account/@role = 'office'"/>

    <p class="crumbs small">
      <a href="{$base}"><t:s key="pl.back"/></a>
      <xsl:text> › </xsl:text>
      <a href="{$base}vendors"><t:s key="vendors.title"/></a>
    </p>
    <h1>
      <xsl:value-of select="$v/name"/>
      <span class="sub"><t:label set="party" select="'vendor'"/></span>
    </h1>
    <xsl:if test="$v/@active != '1'">
      <p class="notice warn"><t:s key="vendor.inactive"/></p>
    </xsl:if>

    <dl class="facts">
      <dt><t:s key="field.uscc"/></dt>
      <dd class="code"><xsl:value-of select="$v/@uscc"/></dd>
      <dt><t:s key="field.contact"/></dt>
      <dd><xsl:value-of select="$v/contact"/></dd>
      <dt><t:s key="field.phone"/></dt>
      <dd><xsl:value-of select="$v/phone"/></dd>
      <dt><t:s key="field.email"/></dt>
      <dd>
        <xsl:value-of select="$v/email"/>
        <xsl:if test="not(string($v/email))"><span class="muted">—</span></xsl:if>
      </dd>
      <dt><t:s key="field.units"/></dt>
      <dd>
        <xsl:for-each select="$v/units/unit">
          <xsl:if test="position() != 1"><t:s key="pl.list_sep"/></xsl:if>
          <a href="{$base}units/{@id}"><xsl:value-of select="name"/></a>
          <span class="ptype"><xsl:value-of select="@code"/></span>
        </xsl:for-each>
        <xsl:if test="not($v/units/unit)"><span class="muted"><t:s key="vendor.no_units"/></span></xsl:if>
      </dd>
    </dl>
    <xsl:if test="$office">
      <p class="actions">
        <a class="button secondary" href="{$base}vendors/{$v/@id}/edit"><t:s key="vendor.edit"/></a>
      </p>
    </xsl:if>

    <h2><t:label set="plkind" select="$l/@kind"/></h2>
    <p class="letter">
      <xsl:for-each select="$l">
        <xsl:call-template name="status"/>
      </xsl:for-each>
      <xsl:if test="$l/@signing-id">
        <xsl:text> </xsl:text>
        <t:s key="vendor.signed_on">
          <t:arg name="date"><a href="{$base}signings/{$l/@signing-id}"><xsl:value-of select="$l/@signed"/></a></t:arg>
        </t:s>
      </xsl:if>
    </p>
    <xsl:if test="$office">
      <p class="actions">
        <a class="button" href="{$base}sign?kind={$l/@kind}&amp;vendor={$v/@id}">
          <xsl:choose>
            <xsl:when test="$l/@signing-id"><t:s key="signing.again"/></xsl:when>
            <xsl:otherwise><t:s key="vendor.sign"/></xsl:otherwise>
          </xsl:choose>
        </a>
      </p>
    </xsl:if>

    <h2><t:s key="vendor.signings"/></h2>
    <xsl:choose>
      <xsl:when test="signings/signing">
        <xsl:call-template name="signings">
          <xsl:with-param name="rows" select="signings/signing"/>
          <xsl:with-param name="kinds" select="false()"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <p class="muted"><t:s key="vendor.signings_none"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="pl-css"/>
    <xsl:text>
table.signings tr.old td{color:var(--muted)}
dd.code{font-family:ui-monospace,Consolas,monospace}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
