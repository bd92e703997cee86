package dev.evidencebot.answer;

/**
 * A short L2-regularised logistic regression fitted by Newton's method (iteratively reweighted
 * least squares). A dozen features and tens of thousands of pairs converge in a few iterations;
 * written out here because it is plainer to read than a library's configuration, and the product
 * needs nothing else from one.
 */
final class LogisticRegression {

    private static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-8;

    private LogisticRegression() {
    }

    /** Weights for standardized features, with the intercept last; {@code l2} does not shrink the intercept. */
    static double[] fit(double[][] x, int[] y, double l2) {
        int n = x.length;
        int d = x[0].length + 1;
        double[] w = new double[d];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int i = 0; i < n; i++) {
                double p = sigmoid(dot(w, x[i]));
                double r = y[i] - p;
                double s = p * (1 - p);
                for (int a = 0; a < d; a++) {
                    double xa = a < d - 1 ? x[i][a] : 1;
                    gradient[a] += r * xa;
                    for (int b = 0; b <= a; b++) {
                        double xb = b < d - 1 ? x[i][b] : 1;
                        hessian[a][b] += s * xa * xb;
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < a; b++) {
                    hessian[b][a] = hessian[a][b];
                }
                if (a < d - 1) {
                    gradient[a] -= l2 * w[a];
                    hessian[a][a] += l2;
                }
                hessian[a][a] += 1e-9;  // keeps the system solvable when a feature never varies
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int a = 0; a < d; a++) {
                w[a] += step[a];
                change = Math.max(change, Math.abs(step[a]));
            }
            if (change < TOLERANCE) {
                break;
            }
        }
        return w;
    }

    /** w . x + intercept, where the intercept is w's last entry. */
    static double dot(double[] w, double[] x) {
        double sum = w[w.length - 1];
        for (int i = 0; i < x.length; i++) {
            sum += w[i] * x[i];
        }
        return sum;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Gaussian elimination with partial pivoting; the system is small and positive definite. */
    private static double[] solve(double[][] matrix, double[] vector) {
        int d = vector.length;
        double[][] a = new double[d][];
        double[] b = vector.clone();
        for (int i = 0; i < d; i++) {
            a[i] = matrix[i].clone();
        }
        for (int col = 0; col < d; col++) {
            int pivot = col;
            for (int row = col + 1; row < d; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swapRow = a[col];
            a[col] = a[pivot];
            a[pivot] = swapRow;
            double swap = b[col];
            b[col] = b[pivot];
            b[pivot] = swap;
            for (int row = col + 1; row < d; row++) {
                double factor = a[row][col] / a[col][col];
                for (int k = col; k < d; k++) {
                    a[row][k] -= factor * a[col][k];
                }
                b[row] -= factor * b[col];
            }
        }
        double[] x = new double[d];
        for (int row = d - 1; row >= 0; row--) {
            double sum = b[row];
            for (int k = row + 1; k < d; k++) {
                sum -= a[row][k] * x[k];
            }
            x[row] = sum / a[row][row];
        }
        return x;
    }
}
