<?xml version="1.0" encoding="UTF-8"?>
<!--
  localize.xsl — the build step that compiles one language's strings into a
  view stylesheet, so a request never looks a string up (DESIGN.md,
  performance: no document() per request).  The Makefile runs it once per
  language and source stylesheet:

    xsltproc -nonet -stringparam strings /abs/xslt/strings/LANG.xml
             -stringparam lang LANG -o build/xslt/LANG/F localize.xsl xslt/F

  The source is copied unchanged except for the text namespace
  xmlns:t="urn:wangan:text":

    <t:s key="k"/>          the text of <s k="k"> as an xsl:text.  Placeholders
                            {name} in the text are filled from children
                            <t:arg name="name">…template…</t:arg>, so each
                            language keeps its own word order.
    <t:label set="role" select="@role"/>
                            an xsl:choose with one xsl:when per key "role.CODE",
                            testing (select) = 'CODE'; otherwise the value itself.
    t:ATTR="k"              on a literal result element: ATTR="text of k".

  The t namespace does not survive into the output.  The build fails (xsl:message
  terminate) on a missing key, an empty label set, a strings file for another
  language, a duplicate key, or a key that the primary file (zh-CN.xml next to
  the strings file) has and this one lacks, or the other way round.

  This is the only stylesheet allowed to use document(): it runs at build time.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text"
    exclude-result-prefixes="t">

  <xsl:output method="xml" encoding="UTF-8"/>

  <xsl:param name="strings"/>
  <xsl:param name="lang"/>

  <xsl:variable name="T" select="'urn:wangan:text'"/>
  <xsl:variable name="doc" select="document($strings)/strings"/>
  <xsl:variable name="primary" select="document('zh-CN.xml', $doc)/strings"/>
  <xsl:variable name="q">'</xsl:variable>

  <!-- The strings file itself is checked once, before the copy starts. -->
  <xsl:template match="/">
    <xsl:if test="not($doc)">
      <xsl:message terminate="yes">localize: cannot read strings file '<xsl:value-of select="$strings"/>'</xsl:message>
    </xsl:if>
    <xsl:if test="string($doc/@lang) != $lang">
      <xsl:message terminate="yes">localize: <xsl:value-of select="$strings"/> says lang="<xsl:value-of select="$doc/@lang"/>", expected "<xsl:value-of select="$lang"/>"</xsl:message>
    </xsl:if>
    <xsl:for-each select="$doc/s">
      <xsl:variable name="k" select="@k"/>
      <xsl:if test="preceding-sibling::s[@k = $k]">
        <xsl:message terminate="yes">localize: duplicate key '<xsl:value-of select="$k"/>' in <xsl:value-of select="$strings"/></xsl:message>
      </xsl:if>
      <xsl:if test="not($primary/s[@k = $k])">
        <xsl:message terminate="yes">localize: key '<xsl:value-of select="$k"/>' of <xsl:value-of select="$lang"/> is missing from zh-CN.xml</xsl:message>
      </xsl:if>
    </xsl:for-each>
    <xsl:for-each select="$primary/s">
      <xsl:variable name="k" select="@k"/>
      <xsl:if test="not($doc/s[@k = $k])">
        <xsl:message terminate="yes">localize: key '<xsl:value-of select="$k"/>' of zh-CN.xml is missing from <xsl:value-of select="$strings"/></xsl:message>
      </xsl:if>
    </xsl:for-each>
    <xsl:apply-templates/>
  </xsl:template>

  <!-- Identity, minus the text namespace's declaration. -->
  <xsl:template match="*">
    <xsl:element name="{name()}" namespace="{namespace-uri()}">
      <xsl:copy-of select="namespace::*[. != $T]"/>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="@*|comment()|processing-instruction()|text()">
    <xsl:copy/>
  </xsl:template>

  <!-- exclude-result-prefixes="… t …" would name a prefix that no longer exists. -->
  <xsl:template match="xsl:stylesheet/@exclude-result-prefixes|xsl:transform/@exclude-result-prefixes">
    <xsl:variable name="rest" select="normalize-space(concat(
        substring-before(concat(' ', normalize-space(.), ' '), ' t '), ' ',
        substring-after(concat(' ', normalize-space(.), ' '), ' t ')))"/>
    <xsl:variable name="v">
      <xsl:choose>
        <xsl:when test="contains(concat(' ', normalize-space(.), ' '), ' t ')">
          <xsl:value-of select="$rest"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="normalize-space(.)"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="string($v) != ''">
      <xsl:attribute name="exclude-result-prefixes">
        <xsl:value-of select="$v"/>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- t:ATTR="key" on a literal result element: the attribute, translated. -->
  <xsl:template match="@t:*">
    <xsl:variable name="k" select="string(.)"/>
    <xsl:variable name="s" select="$doc/s[@k = $k]"/>
    <xsl:if test="not($s)">
      <xsl:call-template name="missing">
        <xsl:with-param name="k" select="$k"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="namespace-uri(..) = 'http://www.w3.org/1999/XSL/Transform'">
      <xsl:message terminate="yes">localize: t:<xsl:value-of select="local-name()"/> on xsl:<xsl:value-of select="local-name(..)"/>: translated attributes belong on literal result elements</xsl:message>
    </xsl:if>
    <xsl:attribute name="{local-name()}">
      <xsl:call-template name="avt-escape">
        <xsl:with-param name="s" select="string($s)"/>
      </xsl:call-template>
    </xsl:attribute>
  </xsl:template>

  <!-- Braces in a literal result attribute would start an expression. -->
  <xsl:template name="avt-escape">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '{') or contains($s, '}')">
        <xsl:variable name="c" select="substring($s, 1, 1)"/>
        <xsl:value-of select="$c"/>
        <xsl:if test="$c = '{' or $c = '}'">
          <xsl:value-of select="$c"/>
        </xsl:if>
        <xsl:call-template name="avt-escape">
          <xsl:with-param name="s" select="substring($s, 2)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$s"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:s">
    <xsl:variable name="k" select="string(@key)"/>
    <xsl:variable name="s" select="$doc/s[@k = $k]"/>
    <xsl:if test="not($s)">
      <xsl:call-template name="missing">
        <xsl:with-param name="k" select="$k"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="fill">
      <xsl:with-param name="text" select="string($s)"/>
      <xsl:with-param name="args" select="t:arg"/>
      <xsl:with-param name="k" select="$k"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Text with {name} placeholders: literal runs become xsl:text, each
       placeholder the (localized) content of its t:arg. -->
  <xsl:template name="fill">
    <xsl:param name="text"/>
    <xsl:param name="args"/>
    <xsl:param name="k"/>
    <xsl:variable name="name" select="substring-before(substring-after($text, '{'), '}')"/>
    <xsl:choose>
      <xsl:when test="contains($text, '{') and contains(substring-after($text, '{'), '}')">
        <xsl:if test="not($args[@name = $name])">
          <xsl:message terminate="yes">localize: string '<xsl:value-of select="$k"/>' needs a t:arg named '<xsl:value-of select="$name"/>', which the stylesheet does not give</xsl:message>
        </xsl:if>
        <xsl:if test="substring-before($text, '{') != ''">
          <xsl:element name="xsl:text">
            <xsl:value-of select="substring-before($text, '{')"/>
          </xsl:element>
        </xsl:if>
        <xsl:apply-templates select="$args[@name = $name]/node()"/>
        <xsl:call-template name="fill">
          <xsl:with-param name="text" select="substring-after(substring-after($text, '{'), '}')"/>
          <xsl:with-param name="args" select="$args"/>
          <xsl:with-param name="k" select="$k"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$text != ''">
        <xsl:element name="xsl:text">
          <xsl:value-of select="$text"/>
        </xsl:element>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:arg">
    <xsl:message terminate="yes">localize: t:arg outside t:s</xsl:message>
  </xsl:template>

  <xsl:template match="t:label">
    <xsl:variable name="set" select="concat(@set, '.')"/>
    <xsl:variable name="sel" select="concat('(', @select, ')')"/>
    <xsl:variable name="items" select="$doc/s[starts-with(@k, $set)
        and not(contains(substring-after(@k, $set), '.'))]"/>
    <xsl:if test="not(@set) or not(@select)">
      <xsl:message terminate="yes">localize: t:label needs set and select</xsl:message>
    </xsl:if>
    <xsl:if test="not($items)">
      <xsl:message terminate="yes">localize: label set '<xsl:value-of select="@set"/>' has no strings in <xsl:value-of select="$strings"/></xsl:message>
    </xsl:if>
    <xsl:element name="xsl:choose">
      <xsl:for-each select="$items">
        <xsl:variable name="code" select="substring-after(@k, $set)"/>
        <xsl:if test="contains($code, $q)">
          <xsl:message terminate="yes">localize: label code '<xsl:value-of select="$code"/>' contains a quote</xsl:message>
        </xsl:if>
        <xsl:element name="xsl:when">
          <xsl:attribute name="test">
            <xsl:value-of select="concat($sel, ' = ', $q, $code, $q)"/>
          </xsl:attribute>
          <xsl:element name="xsl:text">
            <xsl:value-of select="."/>
          </xsl:element>
        </xsl:element>
      </xsl:for-each>
      <xsl:element name="xsl:otherwise">
        <xsl:element name="xsl:value-of">
          <xsl:attribute name="select">
            <xsl:value-of select="$sel"/>
          </xsl:attribute>
        </xsl:element>
      </xsl:element>
    </xsl:element>
  </xsl:template>

  <xsl:template match="t:*" priority="-1">
    <xsl:message terminate="yes">localize: unknown element t:<xsl:value-of select="local-name()"/></xsl:message>
  </xsl:template>

  <xsl:template name="missing">
    <xsl:param name="k"/>
    <xsl:message terminate="yes">localize: no string '<xsl:value-of select="$k"/>' in <xsl:value-of select="$strings"/></xsl:message>
  </xsl:template>
</xsl:stylesheet>
