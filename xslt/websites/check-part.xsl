<?xml version="1.0" encoding="UTF-8"?>
<!-- websites/check-part.xsl — the site page's security check part (check.c), included by site.xsl. Not a view.
     <checks><check id round login at result><note/><item code result><name/><note/></item>…
       <finding id severity fix-by fixed-at? fixed-by? overdue?><description/><fixed-note/></finding>…</check>…</checks>;
     <checking><item id code><name/></item>…<form/></checking>? (the centre may check);
     <recheck><form/></recheck>? (the unit may ask for the re-check). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:template match="checks" mode="web-check">
    <xsl:variable name="id" select="../site/@id"/>
    <section class="web-check" id="web-check">
      <h2><t:s key="wcheck.title"/></h2>
      <xsl:choose>
        <xsl:when test="check">
          <xsl:for-each select="check">
            <div class="check-round result-{@result}">
              <h3><t:s key="wcheck.round"/><xsl:text> </xsl:text><xsl:value-of select="@round"/>: <t:label set="wcres" select="@result"/> — <xsl:value-of select="@login"/>, <xsl:value-of select="@at"/></h3>
              <xsl:if test="string(note)"><p><xsl:value-of select="note"/></p></xsl:if>
              <table class="check-items">
                <thead><tr><th scope="col"><t:s key="wcheck.item"/></th><th scope="col"><t:s key="wcheck.answer"/></th><th scope="col"><t:s key="wcheck.note"/></th></tr></thead>
                <tbody>
                  <xsl:for-each select="item">
                    <tr class="item-{@result}"><td><xsl:value-of select="name"/></td><td><t:label set="wcans" select="@result"/></td><td><xsl:value-of select="note"/></td></tr>
                  </xsl:for-each>
                </tbody>
              </table>
              <xsl:if test="finding">
                <h4><t:s key="wcheck.findings"/></h4>
                <ul class="findings">
                  <xsl:for-each select="finding">
                    <li class="finding sev-{@severity}"><xsl:if test="@overdue = '1'"><xsl:attribute name="class">finding overdue sev-<xsl:value-of select="@severity"/></xsl:attribute><strong class="bad"><t:s key="wcheck.overdue"/></strong><xsl:text> </xsl:text></xsl:if>[<t:label set="wsev" select="@severity"/>] <xsl:value-of select="description"/> — <t:s key="wcheck.fix_by"/><xsl:text> </xsl:text><xsl:value-of select="@fix-by"/><xsl:if test="@fixed-at">; <t:s key="wcheck.fixed"/><xsl:text> </xsl:text><xsl:value-of select="@fixed-by"/>, <xsl:value-of select="@fixed-at"/>: <xsl:value-of select="fixed-note"/></xsl:if></li>
                  </xsl:for-each>
                </ul>
              </xsl:if>
            </div>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise><p><t:s key="wcheck.none"/></p></xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="../checking">
        <xsl:variable name="f" select="form"/>
        <h3><t:s key="wcheck.do"/></h3>
        <form method="post" action="/websites/{$id}/check" class="check-form">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="version" value="{$f/field[@name='version']}"/>
          <input type="hidden" name="nonce" value="{$f/field[@name='nonce']}"/>
          <table class="check-items">
            <thead><tr><th scope="col"><t:s key="wcheck.item"/></th><th scope="col"><t:s key="wcheck.answer"/></th><th scope="col"><t:s key="wcheck.note"/></th></tr></thead>
            <tbody>
              <xsl:for-each select="item">
                <xsl:variable name="k" select="concat('item', @id)"/>
                <xsl:variable name="a" select="$f/field[@name=$k]"/>
                <xsl:variable name="n" select="$f/field[@name=concat('inote', current()/@id)]"/>
                <tr>
                  <xsl:if test="$a/@error or $n/@error"><xsl:attribute name="class">invalid</xsl:attribute></xsl:if>
                  <td><xsl:value-of select="name"/></td>
                  <td>
                    <label><input type="radio" name="{$k}" value="pass" required="required"><xsl:if test="$a = 'pass'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input><t:label set="wcans" select="'pass'"/></label>
                    <label><input type="radio" name="{$k}" value="fail"><xsl:if test="$a = 'fail'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input><t:label set="wcans" select="'fail'"/></label>
                    <xsl:if test="$a/@error"><span class="error"><t:label set="msg" select="$a/@error"/></span></xsl:if>
                  </td>
                  <td><input type="text" name="inote{@id}" value="{$n}" maxlength="500"/>
                    <xsl:if test="$n/@error"><span class="error"><t:label set="msg" select="$n/@error"/></span></xsl:if></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
          <h4><t:s key="wcheck.findings"/></h4>
          <table class="finding-rows">
            <thead><tr><th scope="col"><t:s key="wcheck.severity"/></th><th scope="col"><t:s key="wcheck.description"/></th><th scope="col"><t:s key="wcheck.fix_by"/></th></tr></thead>
            <tbody>
              <xsl:for-each select="$f/field[starts-with(@name, 'severity')]">
                <xsl:variable name="i" select="substring-after(@name, 'severity')"/>
                <xsl:variable name="d" select="$f/field[@name=concat('finding', $i)]"/>
                <xsl:variable name="b" select="$f/field[@name=concat('fix_by', $i)]"/>
                <xsl:variable name="sv" select="string(.)"/>
                <tr>
                  <td><select name="{@name}">
                    <option value="">—</option>
                    <option value="low"><xsl:if test="$sv = 'low'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><t:label set="wsev" select="'low'"/></option>
                    <option value="medium"><xsl:if test="$sv = 'medium'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><t:label set="wsev" select="'medium'"/></option>
                    <option value="high"><xsl:if test="$sv = 'high'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><t:label set="wsev" select="'high'"/></option>
                    <option value="critical"><xsl:if test="$sv = 'critical'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><t:label set="wsev" select="'critical'"/></option>
                  </select><xsl:if test="@error"><span class="error"><t:label set="msg" select="@error"/></span></xsl:if></td>
                  <td><input type="text" name="finding{$i}" value="{$d}" maxlength="500"/><xsl:if test="$d/@error"><span class="error"><t:label set="msg" select="$d/@error"/></span></xsl:if></td>
                  <td><input type="date" name="fix_by{$i}" value="{$b}"/><xsl:if test="$b/@error"><span class="error"><t:label set="msg" select="$b/@error"/></span></xsl:if></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
          <div class="field">
            <label><t:s key="wcheck.result"/></label>
            <label><input type="radio" name="result" value="passed" required="required"><xsl:if test="$f/field[@name='result'] = 'passed'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input><t:label set="wcres" select="'passed'"/></label>
            <label><input type="radio" name="result" value="failed"><xsl:if test="$f/field[@name='result'] = 'failed'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input><t:label set="wcres" select="'failed'"/></label>
            <xsl:if test="$f/field[@name='result']/@error"><span class="error"><t:label set="msg" select="$f/field[@name='result']/@error"/></span></xsl:if>
          </div>
          <div class="field"><label for="check-note"><t:s key="wcheck.note"/></label>
            <textarea id="check-note" name="note" rows="3" maxlength="500"><xsl:value-of select="$f/field[@name='note']"/></textarea></div>
          <p><button type="submit"><t:s key="wcheck.submit"/></button></p>
        </form>
      </xsl:for-each>
      <xsl:for-each select="../recheck">
        <xsl:variable name="f" select="form"/>
        <h3><t:s key="wcheck.ask"/></h3>
        <form method="post" action="/websites/{$id}/recheck" class="recheck-form">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="version" value="{$f/field[@name='version']}"/>
          <div class="field"><label for="recheck-note"><t:s key="wcheck.fixed_note"/></label>
            <textarea id="recheck-note" name="note" rows="3" maxlength="500" required="required"><xsl:value-of select="$f/field[@name='note']"/></textarea>
            <xsl:if test="$f/field[@name='note']/@error"><span class="error"><t:label set="msg" select="$f/field[@name='note']/@error"/></span></xsl:if></div>
          <p><button type="submit"><t:s key="wcheck.ask"/></button></p>
        </form>
      </xsl:for-each>
    </section>
  </xsl:template>
</xsl:stylesheet>
