<?xml version="1.0" encoding="UTF-8"?>
<!--
  core/error.xsl — every error page: the title by HTTP status, the explanation
  by /page/data/@code (or by the status when the code is absent), the request
  id to quote to IT, and a way back.  No internals are shown.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="../widgets.xsl"/>

  <xsl:variable name="status" select="string(/page/@status)"/>

  <!-- The code, or the status's usual code when the C side gave none. -->
  <xsl:variable name="code">
    <xsl:choose>
      <xsl:when test="string(/page/data/@code)">
        <xsl:value-of select="/page/data/@code"/>
      </xsl:when>
      <xsl:when test="$status = '400' or $status = '422'">bad_request</xsl:when>
      <xsl:when test="$status = '403'">forbidden_role</xsl:when>
      <xsl:when test="$status = '404'">not_found</xsl:when>
      <xsl:when test="$status = '405'">method</xsl:when>
      <xsl:when test="$status = '413'">too_large</xsl:when>
      <xsl:when test="$status = '503'">database</xsl:when>
      <xsl:otherwise>internal</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template name="title">
    <xsl:choose>
      <xsl:when test="$status = '' or $status = '200'">
        <t:s key="error.title"/>
      </xsl:when>
      <xsl:otherwise>
        <t:label set="status" select="$status"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base">
      <xsl:choose>
        <xsl:when test="string(/page/@base) and /page/@base != '/'">
          <xsl:value-of select="/page/@base"/>
        </xsl:when>
        <xsl:when test="/page/nav/item"><xsl:value-of select="/page/nav/item[1]/@href"/></xsl:when>
        <xsl:otherwise>/</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <section class="error">
      <h1>
        <xsl:call-template name="title"/>
        <xsl:if test="$status != '' and $status != '200'">
          <span class="sub">
            <t:s key="error.http"><t:arg name="status"><xsl:value-of select="$status"/></t:arg></t:s>
          </span>
        </xsl:if>
      </h1>
      <p class="explain">
        <t:label set="err" select="$code"/>
      </p>
      <xsl:if test="$code = 'forbidden_role' or $code = 'forbidden_record'">
        <p class="muted"><t:s key="error.who_to_ask"/></p>
      </xsl:if>
      <div class="notice info">
        <p>
          <t:s key="error.quote_reqid"><t:arg name="reqid"><code class="reqid"><xsl:value-of select="/page/@reqid"/></code></t:arg></t:s>
        </p>
      </div>
      <xsl:if test="$code != 'unknown_account'">
        <p class="actions">
          <a class="button" href="{$base}"><t:s key="error.back_list"/></a>
        </p>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:text>
.error h1{color:var(--bad)}
.error .explain{font-size:1.05rem;max-width:46rem}
.reqid{font-size:1.05rem;background:#fff;padding:0 .3rem;border:1px solid var(--line);border-radius:3px;user-select:all}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
