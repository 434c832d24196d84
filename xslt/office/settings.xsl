<?xml version="1.0" encoding="UTF-8"?>
<!-- office/settings.xsl — the site settings (settings.c): <settings check-seconds><setting key type min? max?
     version set default effective updated-at? updated-by?>value</setting>…</settings>, <modules>, <form>?
     (a 422/409: the setting typed), @done (the key just saved), @conflict. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="common.xsl"/>
  <xsl:template name="title"><t:s key="office.settings"/></xsl:template>
  <xsl:template match="data" mode="content">
    <xsl:call-template name="office-nav"/>
    <h1><t:s key="office.settings"/></h1>
    <p class="help"><t:s key="help.office/settings"/></p>
    <xsl:if test="string(@done)">
      <p class="notice ok" role="status">
        <t:s key="office.setting_saved"><t:arg name="n"><xsl:value-of select="settings/@check-seconds"/></t:arg></t:s>
      </p>
    </xsl:if>
    <xsl:variable name="typed" select="form/field[@name = 'key']"/>
    <xsl:for-each select="settings/setting">
      <xsl:variable name="mine" select="string($typed) = @key"/>
      <section class="setting" id="s-{translate(@key, '.', '-')}">
        <h2><t:label set="oset" select="@key"/></h2>
        <p class="hint"><t:label set="osethint" select="@key"/></p>
        <p>
          <t:s key="office.setting_now"/><xsl:text> </xsl:text><strong class="effective"><xsl:value-of select="@effective"/></strong>
          <xsl:text> · </xsl:text>
          <xsl:choose>
            <xsl:when test="@set = '1'"><t:s key="office.setting_by"><t:arg name="by"><xsl:value-of select="@updated-by"/></t:arg><t:arg name="at"><xsl:value-of select="@updated-at"/></t:arg></t:s></xsl:when>
            <xsl:otherwise><t:s key="office.setting_default"/></xsl:otherwise>
          </xsl:choose>
          <xsl:text> · </xsl:text>
          <t:s key="office.setting_conf"/><xsl:text> </xsl:text><code><xsl:value-of select="@default"/></code>
        </p>
        <xsl:if test="@type = 'modules'">
          <p class="hint"><t:s key="office.setting_modules_known"/><xsl:text> </xsl:text>
            <xsl:for-each select="/page/data/modules/module"><code><xsl:value-of select="."/></code><xsl:text> </xsl:text></xsl:for-each></p>
        </xsl:if>
        <form method="post" action="/office/settings">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="key" value="{@key}"/>
          <input type="hidden" name="version" value="{@version}"/>
          <xsl:variable name="err" select="string(/page/data/form/field[@name = 'value']/@error)"/>
          <div class="field">
            <xsl:if test="$mine and $err"><xsl:attribute name="class">field invalid</xsl:attribute></xsl:if>
            <label for="f-value-{@key}"><t:s key="office.setting_value"/></label>
            <div class="input">
              <xsl:choose>
              <xsl:when test="@type = 'choice'">
                <xsl:variable name="cur">
                  <xsl:choose>
                    <xsl:when test="$mine"><xsl:value-of select="/page/data/form/field[@name = 'value']"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="@effective"/></xsl:otherwise>
                  </xsl:choose>
                </xsl:variable>
                <select id="f-value-{@key}" name="value">
                  <xsl:for-each select="choice">
                    <option value="{@code}">
                      <xsl:if test="@code = $cur"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                      <t:label set="limunit" select="@code"/>
                    </option>
                  </xsl:for-each>
                </select>
              </xsl:when>
              <xsl:otherwise>
              <input id="f-value-{@key}" name="value">
                <xsl:attribute name="value">
                  <xsl:choose>
                    <xsl:when test="$mine"><xsl:value-of select="/page/data/form/field[@name = 'value']"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="@effective"/></xsl:otherwise>
                  </xsl:choose>
                </xsl:attribute>
                <xsl:if test="@type = 'int'">
                  <xsl:attribute name="type">number</xsl:attribute>
                  <xsl:attribute name="min"><xsl:value-of select="@min"/></xsl:attribute>
                  <xsl:attribute name="max"><xsl:value-of select="@max"/></xsl:attribute>
                </xsl:if>
              </input>
              </xsl:otherwise>
              </xsl:choose>
              <xsl:if test="$mine and $err">
                <p class="ferr"><t:label set="msg" select="$err"/>
                  <xsl:if test="@type = 'int'"><xsl:text> </xsl:text><t:s key="office.setting_range"><t:arg name="min"><xsl:value-of select="@min"/></t:arg><t:arg name="max"><xsl:value-of select="@max"/></t:arg></t:s></xsl:if></p>
              </xsl:if>
            </div>
          </div>
          <p>
            <button type="submit" name="action" value="save"><t:s key="office.save"/></button>
            <xsl:if test="@set = '1'"><xsl:text> </xsl:text><button type="submit" name="action" value="reset"><t:s key="office.setting_reset"/></button></xsl:if>
          </p>
        </form>
      </section>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
