<?xml version="1.0" encoding="UTF-8"?>
<!-- office/common.xsl — what the office's views share: field labels (set ofield), the sets' words,
     the sub-navigation of the management pages, the help paragraph. Not a view. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="../widgets.xsl"/>
  <xsl:template name="field-label">
    <xsl:param name="name"/>
    <t:label set="ofield" select="$name"/>
  </xsl:template>
  <xsl:template name="option-label">
    <xsl:param name="set"/>
    <xsl:param name="code"/>
    <xsl:choose>
      <xsl:when test="$set = 'kind'"><t:label set="kind" select="$code"/></xsl:when>
      <xsl:when test="$set = 'acct'"><t:label set="acct" select="$code"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$code"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- The management pages' own links, above each page. -->
  <xsl:template name="office-nav">
    <nav class="subnav" t:aria-label="office.pages">
      <a href="/office/units"><t:s key="office.units"/></a>
      <xsl:text> · </xsl:text>
      <a href="/office/accounts"><t:s key="office.accounts"/></a>
      <xsl:text> · </xsl:text>
      <a href="/office/settings"><t:s key="office.settings"/></a>
      <xsl:text> · </xsl:text>
      <a href="/office/calendar"><t:s key="office.calendar"/></a>
      <xsl:text> · </xsl:text>
      <a href="/office/audit"><t:s key="office.audit"/></a>
      <xsl:text> · </xsl:text>
      <a href="/office/upstream"><t:s key="office.upstream"/></a>
    </nav>
  </xsl:template>
  <!-- What an action just did, from ?done= (the page's data/@done). -->
  <xsl:template name="done">
    <xsl:if test="string(/page/data/@done)">
      <p class="notice ok" role="status"><t:label set="odone" select="/page/data/@done"/></p>
    </xsl:if>
  </xsl:template>
  <!-- The unit picker: the open units, the one equal to value selected; none when not required. -->
  <xsl:template name="unit-select">
    <xsl:param name="name"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="hint"/>
    <xsl:variable name="value" select="string($form/field[@name = $name])"/>
    <xsl:call-template name="select-row">
      <xsl:with-param name="name" select="$name"/>
      <xsl:with-param name="required" select="$required"/>
      <xsl:with-param name="hint" select="$hint"/>
      <xsl:with-param name="options">
        <option value=""><t:s key="office.no_unit"/></option>
        <xsl:for-each select="/page/data/pick/unit">
          <option value="{@id}">
            <xsl:if test="@id = $value"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
            <xsl:value-of select="@code"/><xsl:text> </xsl:text><xsl:value-of select="."/>
          </option>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
