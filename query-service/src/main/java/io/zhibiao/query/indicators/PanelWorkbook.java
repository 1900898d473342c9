package io.zhibiao.query.indicators;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The panel as an Excel workbook: the sheet {@code panel} (the same columns as the CSV, numbers as
 * numbers, Chinese as text: no encoding to get wrong) and a sheet {@code README} that says what the
 * panel is, how it was asked for, and what every column means in Chinese and English.
 * Written row by row (POI's streaming workbook), so a large panel does not sit in memory as cell objects.
 */
public final class PanelWorkbook {
    /** Excel's limit on the characters of a cell. */
    static final int MAX_CELL = 32_767;

    static final List<String[]> RULES = List.of(
            new String[]{"一行", "long：每个指标 × 地区 × 年份一行；wide：每个地区 × 年份一行，每个指标一组列（列名前缀为指标代码）",
                    "long: one row per indicator × region × year; wide: one row per region × year, a group of columns per indicator (prefixed with its id)"},
            new String[]{"目标", "取当年政府工作报告中该年的目标；同一报告多处提及时取正文中第一处",
                    "the target for the year from the report of that year; the first statement in the text when there are several"},
            new String[]{"首报实际值", "取该年之后最早的报告（通常是次年报告）所述的实际值；预计、初步核算数标为 estimated",
                    "the actual as first reported by the earliest later report (normally the next year's); 预计 / 初步核算 marked estimated"},
            new String[]{"修订值", "更晚的报告重述该年实际且数值不同时，给出最新报告的数值；首报值同时保留",
                    "when a later report restates the year's actual with another value, the latest report's value; the first is kept"},
            new String[]{"是否完成", "实际值不低于目标（区间取下限）为完成；价格、失业率、能耗等以及「以内/不超过」的目标，实际值不高于目标（区间取上限）为完成；「左右」按字面值比较",
                    "met when the actual is at or above the target (a range's lower bound); for ceilings (prices, unemployment, energy intensity, targets stated 以内 / 不超过) at or below it (a range's upper bound); 左右 is taken at its word"},
            new String[]{"出处", "每个数字都有文档编号与原文；原文可在 /api/reports/{文档编号} 查看上下文",
                    "every number has its document id and exact quote; /api/reports/{document id} shows it in context"});

    /**
     * @param query what was asked, as name=value lines for the README (e.g. indicator=gdp)
     */
    public static byte[] write(PanelSheet sheet, List<String> query) {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet data = wb.createSheet("panel");
            data.createFreezePane(0, 1);
            Row header = data.createRow(0);
            List<PanelSheet.Column> columns = sheet.columns();
            for (int i = 0; i < columns.size(); i++) {
                Cell c = header.createCell(i);
                c.setCellValue(columns.get(i).name());
                c.setCellStyle(bold);
                String name = columns.get(i).name();
                data.setColumnWidth(i, 256 * (name.endsWith("quote") ? 40 : Math.max(10, Math.min(24, name.length() + 2))));
            }
            int r = 1;
            for (List<Object> values : sheet.rows()) {
                Row row = data.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v == null) {
                        continue;
                    }
                    Cell c = row.createCell(i);
                    if (v instanceof Number n) {
                        c.setCellValue(n.doubleValue());
                    } else if (v instanceof Boolean b) {
                        c.setCellValue(b);
                    } else {
                        c.setCellValue(text(v.toString()));
                    }
                }
            }

            Sheet readme = wb.createSheet("README");
            readme.setColumnWidth(0, 256 * 24);
            readme.setColumnWidth(1, 256 * 60);
            readme.setColumnWidth(2, 256 * 70);
            int at = 0;
            line(readme, at++, bold, "指标面板 Zhibiao indicator panel", null, null);
            line(readme, at++, null, "目标与实际：各地区各年份的年度目标、首次公布的实际值、修订值、差距与是否完成，每个数字附出处",
                    "Targets against outcomes: per region and year the annual target, the first reported actual, a revised actual, the gap and met/missed, every number with its source", null);
            line(readme, at++, null, "查询 query", String.join("&", query), null);
            at++;
            line(readme, at++, bold, "规则", "说明", "rule");
            for (String[] rule : RULES) {
                line(readme, at++, null, rule[0], rule[1], rule[2]);
            }
            at++;
            line(readme, at++, bold, "列 column", "中文说明", "English");
            for (PanelSheet.Column c : columns) {
                line(readme, at++, null, c.name(), c.zh(), c.en());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook", e);
        } finally {
            wb.dispose();
            try {
                wb.close();
            } catch (IOException ignored) {
                // nothing held open beyond the temporary files dispose() removed
            }
        }
    }

    private static void line(Sheet sheet, int at, CellStyle style, String a, String b, String c) {
        Row row = sheet.createRow(at);
        String[] values = {a, b, c};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                Cell cell = row.createCell(i);
                cell.setCellValue(text(values[i]));
                if (style != null) {
                    cell.setCellStyle(style);
                }
            }
        }
    }

    private static String text(String s) {
        return s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 1) + "…" : s;
    }

    private PanelWorkbook() {
    }
}
